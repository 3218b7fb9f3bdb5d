package dev.ferry.sandbox.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.ReceivedEvent;
import dev.ferry.sandbox.ReceivedEvents;
import dev.ferry.sandbox.SampleEvents;
import dev.ferry.sandbox.intake.EventIntake;
import dev.ferry.sandbox.profiles.ProfileFacts;
import dev.ferry.sandbox.schema.XdmSchema;
import dev.ferry.sandbox.segmentation.Memberships.Identity;
import dev.ferry.sandbox.web.Json;
import dev.ferry.sandbox.web.SandboxStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchProcessorTest {

    private final ReceivedEvents events = new ReceivedEvents(100);
    private final List<ProfileFacts> profiled = new ArrayList<>();
    private final BatchProcessor processor = new BatchProcessor(null, null,
            new EventIntake(XdmSchema.builtIn(), events, new SandboxStats(), Clock.systemUTC(), profiled::add),
            Clock.systemUTC());

    @Test
    void storesEveryRecordOfAValidBatchOnTheBatchChannel() {
        BatchOutcome outcome = processor.ingest(files(
                "part-0.json", lines(SampleEvents.text(SampleEvents.orderPlaced("o-1")), "",
                        SampleEvents.text(SampleEvents.orderPlaced("o-2"))),
                "part-1.json", lines(SampleEvents.text(SampleEvents.productView("v-1")))));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.recordsRead()).isEqualTo(3);
        assertThat(events.list()).extracting(ReceivedEvent::id).containsExactly("v-1", "o-2", "o-1");
        assertThat(events.list()).extracting(ReceivedEvent::channel).containsOnly(Channel.BATCH);
    }

    @Test
    void aSchemaTheStreamingCheckDoesNotKnowStillHasEveryRecordJudged(@TempDir Path dir) throws IOException {
        Path schema = Files.writeString(dir.resolve("own.schema.json"), """
                {"type": "object", "minProperties": 1, "required": ["_id"], "additionalProperties": false,
                 "properties": {"_id": {"type": "string"}, "eventType": {"type": "string"}}}""");
        BatchProcessor own = new BatchProcessor(null, null,
                new EventIntake(XdmSchema.fromFile(schema), events, new SandboxStats(), Clock.systemUTC(), profiled::add),
                Clock.systemUTC());

        BatchOutcome valid = own.ingest(files("part-0.json", lines("{\"_id\": \"a\"}", "{\"_id\": \"b\"}")));
        BatchOutcome invalid = own.ingest(files("part-0.json", lines("{\"_id\": \"c\"}", "{\"eventType\": \"x\"}")));

        assertThat(valid.failed()).isFalse();
        assertThat(invalid.failed()).isTrue();
        assertThat(invalid.errors()).extracting(BatchError::code).containsExactly(BatchError.REQUIRED_FIELD_MISSING);
        assertThat(events.list()).filteredOn(ReceivedEvent::valid).extracting(ReceivedEvent::id)
                .containsExactly("b", "a");
    }

    @Test
    void failsTheWholeBatchWithAepCodesAndRowNumbersWhenAnyRecordIsInvalid() {
        ObjectNode withoutId = SampleEvents.orderPlaced("o-3");
        withoutId.remove("_id");
        BatchOutcome outcome = processor.ingest(files(
                "part-0.json", lines(SampleEvents.text(SampleEvents.orderPlaced("o-1")), "{not json"),
                "part-1.json", lines(SampleEvents.text(SampleEvents.withUnknownKey("o-2")), SampleEvents.text(withoutId))));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.recordsRead()).isEqualTo(4);
        assertThat(outcome.failedRecords()).isEqualTo(3);
        assertThat(outcome.errors()).extracting(BatchError::code).containsExactly(
                BatchError.UNPARSABLE_ROW, BatchError.INVALID_DATA, BatchError.REQUIRED_FIELD_MISSING);
        assertThat(outcome.errors()).extracting(BatchError::rows).containsExactly(List.of(2L), List.of(3L), List.of(4L));
        assertThat(outcome.errors().get(1).description()).contains("part-1.json line 1", "$.commerce.giftWrap");
        assertThat(events.list()).allMatch(e -> !e.valid());
    }

    @Test
    void storesEachRecordAndTellsProfilesOfItAsAcceptingItsTreeDoes() {
        List<String> received = List.of(SampleEvents.text(SampleEvents.orderPlaced("o-1")),
                SampleEvents.text(SampleEvents.productView("v-1")), SampleEvents.text(SampleEvents.orderPlaced("o-1")));
        ReceivedEvents byTree = new ReceivedEvents(100);
        List<ProfileFacts> profiledByTree = new ArrayList<>();
        EventIntake treeIntake = new EventIntake(XdmSchema.builtIn(), byTree, new SandboxStats(), Clock.systemUTC(),
                profiledByTree::add);
        received.forEach(text -> treeIntake.accept(Json.parse(text).orElseThrow(), text, Channel.BATCH));

        BatchOutcome outcome = processor.ingest(files("part-0.json", lines(received.toArray(String[]::new))));

        assertThat(outcome.failed()).isFalse();
        assertThat(events.list()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("receivedAt")
                .containsExactlyElementsOf(byTree.list());
        assertThat(events.countById("o-1")).isEqualTo(2);
        assertThat(profiled).hasSize(2).isEqualTo(profiledByTree);
        assertThat(profiled.get(0)).isEqualTo(new ProfileFacts(List.of(new Identity("Email", "shopper@example.com")),
                "commerce.backofficeOrderPlaced", Instant.parse("2024-05-01T11:00:00Z"), 109.0));
    }

    @Test
    void tellsProfilesNothingOfABatchWhoseLastRowFails() {
        processor.ingest(files("part-0.json", lines(SampleEvents.text(SampleEvents.orderPlaced("o-1")),
                SampleEvents.text(SampleEvents.productView("v-1")),
                SampleEvents.text(SampleEvents.withUnknownKey("o-2")))));

        assertThat(events.list()).singleElement().satisfies(event -> assertThat(event.valid()).isFalse());
        assertThat(profiled).isEmpty();
    }

    @Test
    void keepsEachStoredRecordAsTheTextItArrivedAs() {
        String received = "{ \"_id\" : \"o-1\", " + SampleEvents.text(SampleEvents.orderPlaced("o-1")).substring(1);

        processor.ingest(files("part-0.json", received + "\r\n"));

        assertThat(events.list()).singleElement().satisfies(event -> {
            assertThat(event.valid()).isTrue();
            assertThat(event.xdmJson()).isEqualTo(received);
        });
    }

    @Test
    void readsARecordWithMalformedUtf8AsReplacementCharacters() {
        ObjectNode order = SampleEvents.orderPlaced("o-1");
        order.put("eventType", "commerce.\u00e9");
        byte[] content = (SampleEvents.text(order) + "\n").getBytes(StandardCharsets.UTF_8);
        int accent = indexOf(content, (byte) 0xC3);
        content[accent + 1] = (byte) 'x';
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", content);

        BatchOutcome outcome = processor.ingest(files);

        assertThat(outcome.recordsRead()).isEqualTo(1);
        assertThat(outcome.errors()).extracting(BatchError::code).doesNotContain(BatchError.UNPARSABLE_ROW);
        assertThat(events.list()).singleElement().satisfies(
                event -> assertThat(event.eventType()).isEqualTo("commerce.\ufffdx"));
    }

    @Test
    void findsARecordStartingWithAByteOrderMarkUnparsable() {
        BatchOutcome outcome = processor.ingest(files(
                "part-0.json", "\uFEFF" + lines(SampleEvents.text(SampleEvents.orderPlaced("o-1")))));

        assertThat(outcome.errors()).extracting(BatchError::code).containsExactly(BatchError.UNPARSABLE_ROW);
    }

    @Test
    void failsABatchOverAepsGuardrailOf1500FilesAndTakesOneAtIt() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 1; i <= 1_500; i++) {
            many.put("part-" + i + ".json", new byte[0]);
        }
        BatchOutcome atTheGuardrail = processor.ingest(many);
        many.put("part-1501.json", new byte[0]);

        BatchOutcome outcome = processor.ingest(many);

        assertThat(atTheGuardrail.errors()).isEmpty();
        assertThat(outcome.errors()).singleElement()
                .satisfies(e -> assertThat(e.description()).startsWith("Batch ingestion guardrails hit: 1501 files"));
    }

    private static Map<String, byte[]> files(String name, String content, Object... more) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < more.length; i += 2) {
            files.put((String) more[i], ((String) more[i + 1]).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static int indexOf(byte[] content, byte wanted) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such byte");
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
