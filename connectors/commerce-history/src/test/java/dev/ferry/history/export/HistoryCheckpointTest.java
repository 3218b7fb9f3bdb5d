package dev.ferry.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.history.export.HistoryCheckpoint.OpenBatch;
import dev.ferry.history.export.HistoryCheckpoint.UploadedFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCheckpointTest {

    private static final String SCOPE = "2021-01-01T00:00:00Z..2022-01-01T00:00:00Z";

    @Test
    void theBatchesOfThePastDayAreThoseSentSettlingAndOpenAndANewExportStillCountsThem() {
        OpenBatch settling = new OpenBatch("b-3", List.of(new UploadedFile(3, 75, 20, 61, 0)), true, false, 3_000);
        OpenBatch open = new OpenBatch("b-4", List.of(new UploadedFile(4, 99, 10, 33, 0)), false, false, 4_000);
        HistoryCheckpoint last = HistoryCheckpoint.start(SCOPE, List.of()).batchSent(500, null, false, 0)
                .batchSent(2_000, null, false, 0).withSettlingAlso(settling).withBatch(open);

        List<Long> pastDay = last.batchTimesSince(1_000);
        HistoryCheckpoint next = HistoryCheckpoint.start("2022-01-01T00:00:00Z..2023-01-01T00:00:00Z", pastDay);

        assertThat(pastDay).as("the batch sent at 500 is more than a day old").containsExactly(2_000L, 3_000L, 4_000L);
        assertThat(next.batchTimesSince(1_000)).containsExactly(2_000L, 3_000L, 4_000L);
        assertThat(next.batches()).isZero();
        assertThat(next.batch()).isNull();
        assertThat(next.settling()).isEmpty();
    }

    @Test
    void anOpenBatchSurvivesTheStateDatabaseAndTheExportGoesOnAfterItsLastFile() {
        HistoryCheckpoint settled = HistoryCheckpoint.start(SCOPE, List.of()).advance(new UploadedFile(1, 40, 30, 90, 0), 5);
        HistoryCheckpoint open = settled.withBatch(new OpenBatch("b-2", List.of(new UploadedFile(2, 75, 20, 61, 1)),
                false, false, 1_000).with(new UploadedFile(3, 99, 10, 33, 0)));

        HistoryCheckpoint read = HistoryCheckpoint.fromJson(open.toJson());

        assertThat(read).isEqualTo(open);
        assertThat(read.afterOrderId()).as("settled").isEqualTo(40);
        assertThat(read.lastOrderHandedOver()).isEqualTo(99);
        assertThat(read.nextFileToWrite()).isEqualTo(4);
        assertThat(read.batch().markedCompleting().completing()).isTrue();
    }

    @Test
    void withoutAnOpenBatchTheExportGoesOnAfterTheLastSettledFile() {
        HistoryCheckpoint settled = HistoryCheckpoint.start(SCOPE, List.of()).advance(new UploadedFile(1, 40, 30, 90, 2), 5);

        assertThat(settled.lastOrderHandedOver()).isEqualTo(40);
        assertThat(settled.nextFileToWrite()).isEqualTo(2);
        assertThat(settled.deadLettered()).isEqualTo(2);
    }

    @Test
    void aCheckpointSavedBeforeBatchesWereRecordedReadsAsOneWithoutAnOpenBatch() {
        String older = "{\"scope\":\"" + SCOPE + "\",\"afterOrderId\":40,\"nextFile\":2,\"orders\":30,\"events\":90,"
                + "\"files\":1,\"batches\":1,\"failedBatches\":0,\"deadLettered\":0,\"elapsedMillis\":5,"
                + "\"failures\":[],\"batchTimes\":[1000]}";

        HistoryCheckpoint read = HistoryCheckpoint.fromJson(older);

        assertThat(read.batch()).isNull();
        assertThat(read.lastOrderHandedOver()).isEqualTo(40);
        assertThat(read.nextFileToWrite()).isEqualTo(2);
    }

    @Test
    void aBatchWaitingForAepAndTheOneLoadingAfterItSurviveTheStateDatabaseAndTheExportGoesOnAfterTheLoadingOne() {
        HistoryCheckpoint settled = HistoryCheckpoint.start(SCOPE, List.of()).advance(new UploadedFile(1, 40, 30, 90, 0), 5);
        OpenBatch processing = new OpenBatch("b-2", List.of(new UploadedFile(2, 75, 20, 61, 1)), true, false, 1_000);
        HistoryCheckpoint both = settled.withSettlingAlso(processing)
                .withBatch(new OpenBatch("b-3", List.of(new UploadedFile(3, 99, 10, 33, 0)), false, false, 2_000));

        HistoryCheckpoint read = HistoryCheckpoint.fromJson(both.toJson());

        assertThat(read).isEqualTo(both);
        assertThat(read.lastOrderHandedOver()).isEqualTo(99);
        assertThat(read.nextFileToWrite()).isEqualTo(4);
        assertThat(read.withBatch(null).lastOrderHandedOver()).as("only the processing batch").isEqualTo(75);
        assertThat(read.withBatch(null).nextFileToWrite()).isEqualTo(3);
    }

    @Test
    void batchesWaitingForAepKeepTheirOrderAndTheExportGoesOnAfterTheLastOne() {
        OpenBatch first = new OpenBatch("b-1", List.of(new UploadedFile(1, 40, 30, 90, 0)), true, false, 1_000);
        OpenBatch second = new OpenBatch("b-2", List.of(new UploadedFile(2, 75, 20, 61, 0)), true, false, 2_000);
        OpenBatch replacement = new OpenBatch("b-3", first.files(), true, true, 3_000);
        HistoryCheckpoint both = HistoryCheckpoint.start(SCOPE, List.of()).withSettlingAlso(first).withSettlingAlso(second);

        HistoryCheckpoint read = HistoryCheckpoint.fromJson(both.toJson());

        assertThat(read.settling()).containsExactly(first, second);
        assertThat(read.lastOrderHandedOver()).isEqualTo(75);
        assertThat(read.nextFileToWrite()).isEqualTo(3);
        assertThat(read.withSettlingReplaced(first, replacement).settling()).containsExactly(replacement, second);
        assertThat(read.withSettlingReplaced(first, null).settling()).containsExactly(second);
    }

    @Test
    void aCheckpointSavedWhenOneBatchAtMostWaitedForAepReadsWithThatBatchAlone() {
        String older = "{\"scope\":\"" + SCOPE + "\",\"afterOrderId\":40,\"nextFile\":3,\"orders\":30,\"events\":90,"
                + "\"files\":1,\"batches\":1,\"failedBatches\":0,\"deadLettered\":0,\"elapsedMillis\":5,"
                + "\"failures\":[],\"batchTimes\":[1000],\"batch\":null,\"settling\":{\"id\":\"b-2\",\"files\":"
                + "[{\"number\":2,\"lastOrderId\":75,\"orders\":20,\"events\":61,\"deadLettered\":0}],"
                + "\"completing\":true,\"replacement\":false,\"createdAt\":2000}}";
        String olderIdle = older.substring(0, older.indexOf(",\"settling\"")) + ",\"settling\":null}";

        assertThat(HistoryCheckpoint.fromJson(older).settling()).extracting(OpenBatch::id).containsExactly("b-2");
        assertThat(HistoryCheckpoint.fromJson(older).lastOrderHandedOver()).isEqualTo(75);
        assertThat(HistoryCheckpoint.fromJson(olderIdle).settling()).isEmpty();
    }
}
