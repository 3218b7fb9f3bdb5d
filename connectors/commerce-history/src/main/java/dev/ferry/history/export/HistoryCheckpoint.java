package dev.ferry.history.export;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.core.xdm.Xdm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an export stands, saved in Ferry's state database after every file it handed over. The settled part:
 * every order up to {@code afterOrderId} is in a batch that reached its final status (in a written file, in a dry
 * run), the next file is number {@code nextFile}, and the counts so far. Batches not settled yet: {@code
 * settling}, completed (or being completed) and waiting for their final status, in the order of their files, and after
 * theirs {@code batch}, open and loading. Each records its id and the files uploaded into it, after each upload, and a
 * batch is marked completing before it is completed, so that a resume asks AEP what became of them rather than
 * sending them again. {@code scope} is the range and stores the checkpoint belongs to.
 *
 * <p>{@code settling} was one batch or null before several could wait for AEP at once; such a checkpoint still reads.
 */
public record HistoryCheckpoint(String scope, long afterOrderId, long nextFile, long orders,
                                long events, long files, long batches, long failedBatches, long deadLettered,
                                long elapsedMillis, List<String> failures, List<Long> batchTimes, OpenBatch batch,
                                @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                                List<OpenBatch> settling) {

    public HistoryCheckpoint {
        failures = List.copyOf(failures);
        batchTimes = List.copyOf(batchTimes);
        settling = settling == null ? List.of() : List.copyOf(settling);
    }

    /**
     * A new export that still counts, against the daily cap, the batches opened at {@code batchTimes} (epoch
     * millis): AEP's daily guardrail does not restart with an export.
     */
    public static HistoryCheckpoint start(String scope, List<Long> batchTimes) {
        return new HistoryCheckpoint(scope, 0, 1, 0, 0, 0, 0, 0, 0, 0, List.of(), batchTimes, null, List.of());
    }

    /** When the batches this export sent, and those it left settling or open, were opened, after {@code dayAgo}. */
    public List<Long> batchTimesSince(long dayAgo) {
        return Stream.of(batchTimes.stream(), settling.stream().map(OpenBatch::createdAt),
                        Stream.ofNullable(batch).map(OpenBatch::createdAt))
                .flatMap(times -> times).filter(time -> time > dayAgo).sorted().toList();
    }

    /** This checkpoint advanced past the orders of a settled file. */
    public HistoryCheckpoint advance(UploadedFile file, long elapsed) {
        return new HistoryCheckpoint(scope, file.lastOrderId(), file.number() + 1, orders + file.orders(),
                events + file.events(), files + 1, batches, failedBatches, deadLettered + file.deadLettered(),
                elapsedMillis + elapsed, failures, batchTimes, batch, settling);
    }

    /**
     * A batch reached its final status; {@code failure} is null when it reached success, and {@code givenUp} when
     * it failed for good (after its replacement batch also failed).
     */
    public HistoryCheckpoint batchSent(long sentAt, String failure, boolean givenUp, long dayAgo) {
        List<Long> times = new ArrayList<>(batchTimes.stream().filter(time -> time > dayAgo).toList());
        times.add(sentAt);
        List<String> allFailures = new ArrayList<>(failures);
        if (failure != null) {
            allFailures.add(failure);
        }
        return new HistoryCheckpoint(scope, afterOrderId, nextFile, orders, events, files, batches + 1,
                failedBatches + (givenUp ? 1 : 0), deadLettered, elapsedMillis, allFailures, times, batch, settling);
    }

    public HistoryCheckpoint withBatch(OpenBatch open) {
        return new HistoryCheckpoint(scope, afterOrderId, nextFile, orders, events, files, batches, failedBatches,
                deadLettered, elapsedMillis, failures, batchTimes, open, settling);
    }

    /** This checkpoint with one more batch waiting for AEP, after the others. */
    public HistoryCheckpoint withSettlingAlso(OpenBatch completing) {
        List<OpenBatch> all = new ArrayList<>(settling);
        all.add(completing);
        return withSettling(all);
    }

    /** This checkpoint with {@code now} waiting for AEP in place of {@code before}, or nothing when now is null. */
    public HistoryCheckpoint withSettlingReplaced(OpenBatch before, OpenBatch now) {
        List<OpenBatch> all = new ArrayList<>(settling);
        int at = all.indexOf(before);
        if (at < 0) {
            throw new IllegalArgumentException("batch " + before.id() + " is not waiting for AEP");
        }
        if (now == null) {
            all.remove(at);
        } else {
            all.set(at, now);
        }
        return withSettling(all);
    }

    private HistoryCheckpoint withSettling(List<OpenBatch> completing) {
        return new HistoryCheckpoint(scope, afterOrderId, nextFile, orders, events, files, batches, failedBatches,
                deadLettered, elapsedMillis, failures, batchTimes, batch, completing);
    }

    /** The last order handed over: in the open batch's last file, the last settling batch's, or settled. */
    public long lastOrderHandedOver() {
        UploadedFile last = lastHandedOver();
        return last == null ? afterOrderId : last.lastOrderId();
    }

    /** The number of the next file to write. */
    public long nextFileToWrite() {
        UploadedFile last = lastHandedOver();
        return last == null ? nextFile : last.number() + 1;
    }

    private UploadedFile lastHandedOver() {
        if (batch != null && !batch.files().isEmpty()) {
            return batch.last();
        }
        return settling.isEmpty() || settling.get(settling.size() - 1).files().isEmpty() ? null
                : settling.get(settling.size() - 1).last();
    }

    /**
     * The batch not settled yet.
     *
     * @param id          AEP's id for it
     * @param files       the files uploaded into it, in upload order
     * @param completing  whether it may have been completed (recorded before asking AEP to)
     * @param replacement whether it replaces a batch that failed, so that failing again gives its files up
     * @param createdAt   when its first file went, for the daily batch cap
     */
    public record OpenBatch(String id, List<UploadedFile> files, boolean completing, boolean replacement,
                            long createdAt) {

        public OpenBatch {
            files = List.copyOf(files);
        }

        public OpenBatch with(UploadedFile file) {
            List<UploadedFile> all = new ArrayList<>(files);
            all.add(file);
            return new OpenBatch(id, all, completing, replacement, createdAt);
        }

        public OpenBatch markedCompleting() {
            return new OpenBatch(id, files, true, replacement, createdAt);
        }

        UploadedFile last() {
            return files.get(files.size() - 1);
        }
    }

    /** A file handed over: its number in the export, the last order it covers and its counts. */
    public record UploadedFile(long number, long lastOrderId, long orders, long events, long deadLettered) {
    }

    public String toJson() {
        try {
            return Xdm.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HistoryCheckpoint fromJson(String json) {
        try {
            return Xdm.JSON.readValue(json, HistoryCheckpoint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history checkpoint: " + e.getOriginalMessage(), e);
        }
    }
}
