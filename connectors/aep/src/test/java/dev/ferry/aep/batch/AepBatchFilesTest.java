package dev.ferry.aep.batch;

import dev.ferry.aep.AepTesting;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.xdm.Xdm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AepBatchFilesTest {

    @TempDir
    Path dir;

    @Test
    void eventsAreWrittenAsJsonLinesFilesUnderTheSizeLimitInOrder() throws Exception {
        List<OutboundEvent> events = AepTesting.validEvents("files", 40);

        try (AepBatchFiles batch = AepBatchFiles.ofEvents(events, 4_000)) {
            assertThat(batch.files()).hasSizeGreaterThan(1);
            List<String> idsInFiles = new ArrayList<>();
            for (AepBatchFile file : batch.files()) {
                assertThat(Files.size(file.path())).isLessThanOrEqualTo(4_000);
                for (String line : Files.readAllLines(file.path())) {
                    idsInFiles.add(Xdm.JSON.readTree(line).path("_id").asText());
                }
            }
            assertThat(idsInFiles).containsExactlyElementsOf(events.stream().map(OutboundEvent::id).toList());
            assertThat(batch.rowIds()).containsExactlyElementsOf(idsInFiles);
            assertThat(batch.files()).extracting(AepBatchFile::name).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRowLargerThanAFileIsRejectedAndTheOthersAreWritten() throws Exception {
        OutboundEvent huge = new OutboundEvent("huge", null, "{\"_id\":\"huge\",\"pad\":\"" + "x".repeat(5_000) + "\"}");
        List<OutboundEvent> events = new ArrayList<>(AepTesting.validEvents("huge", 3));
        events.add(1, huge);

        try (AepBatchFiles batch = AepBatchFiles.ofEvents(events, 4_000)) {
            assertThat(batch.tooLarge()).singleElement().satisfies(row -> {
                assertThat(row.eventId()).isEqualTo("huge");
                assertThat(row.reason()).contains("maxFileBytes");
            });
            assertThat(batch.rowIds()).hasSize(3).doesNotContain("huge");
        }
    }

    @Test
    void eventJsonWithLineBreaksBecomesOneLine() throws Exception {
        OutboundEvent pretty = new OutboundEvent("p", null, "{\n  \"_id\": \"p\",\n  \"eventType\": \"x\"\n}");

        try (AepBatchFiles batch = AepBatchFiles.ofEvents(List.of(pretty), 4_000)) {
            assertThat(Files.readAllLines(batch.files().get(0).path())).containsExactly("{\"_id\":\"p\",\"eventType\":\"x\"}");
        }
    }

    @Test
    void readyJsonLinesFilesThatFitAreUploadedAsTheyAreAndTheirRowsKnownById() throws Exception {
        Path ready = Files.writeString(dir.resolve("orders.json"),
                "{\"_id\":\"a\"}\n\n{\"_id\":\"b\"}\n{\"no\":\"id\"}\n", StandardCharsets.UTF_8);

        try (AepBatchFiles batch = AepBatchFiles.ofJsonLines(List.of(ready), 4_000)) {
            assertThat(batch.files()).singleElement().satisfies(file -> {
                assertThat(file.path()).isEqualTo(ready);
                assertThat(file.name()).isEqualTo("orders.json");
            });
            assertThat(batch.rowIds()).containsExactly("a", "b", "orders.json:4");
        }
        assertThat(ready).exists();
    }

    @Test
    void aReadyFileWithBytesThatAreNotUtf8IsUploadedAsItIsForAepToJudge() throws Exception {
        byte[] latin1 = "{\"_id\":\"a\",\"city\":\"K\u00f6ln\"}\n{\"_id\":\"b\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path ready = Files.write(dir.resolve("latin1.json"), latin1);

        try (AepBatchFiles batch = AepBatchFiles.ofJsonLines(List.of(ready), 4_000)) {
            assertThat(batch.rowIds()).containsExactly("a", "b");
            assertThat(batch.files()).singleElement().satisfies(file -> assertThat(file.path()).isEqualTo(ready));
        }
    }

    @Test
    void aReadyFileLargerThanTheLimitIsSplitAtLineBoundariesAndTheCopiesDeletedOnClose() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            lines.append("{\"_id\":\"r").append(i).append("\",\"pad\":\"").append("y".repeat(80)).append("\"}\n");
        }
        Path big = Files.writeString(dir.resolve("history.json"), lines);
        List<Path> written;

        try (AepBatchFiles batch = AepBatchFiles.ofJsonLines(List.of(big, big), 2_000)) {
            written = batch.files().stream().map(AepBatchFile::path).toList();
            assertThat(batch.files()).hasSizeGreaterThan(4).allSatisfy(file ->
                    assertThat(Files.size(file.path())).isLessThanOrEqualTo(2_000));
            assertThat(batch.files()).extracting(AepBatchFile::name).doesNotHaveDuplicates()
                    .allMatch(name -> name.startsWith("history"));
            assertThat(batch.rowIds()).hasSize(200).startsWith("r0", "r1").endsWith("r98", "r99");
        }

        assertThat(written).allSatisfy(path -> assertThat(path).doesNotExist());
        assertThat(big).exists();
    }
}
