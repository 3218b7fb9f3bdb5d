package dev.ferry.history.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.core.xdm.Xdm;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an export stands, saved in Ferry's state database after each file is safely handed over (uploaded in a
 * batch that reached a final status; written, in a dry run): every order up to {@code afterOrderId} is done, the
 * next file is number {@code nextFile}, and the counts so far. A run that stops anywhere else loses only work that
 * was never handed over, which {@code --resume} does again from here. {@code scope} is the range and stores it
 * belongs to.
 */
public record HistoryCheckpoint(String scope, long afterOrderId, long nextFile, long orders,
                                long events, long files, long batches, long failedBatches, long deadLettered,
                                long elapsedMillis, List<String> failures, List<Long> batchTimes) {

    public HistoryCheckpoint {
        failures = List.copyOf(failures);
        batchTimes = List.copyOf(batchTimes);
    }

    public static HistoryCheckpoint start(String scope) {
        return new HistoryCheckpoint(scope, 0, 1, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
    }

    /** This checkpoint advanced past the orders of a handed-over file (and the batch it went in, if any). */
    public HistoryCheckpoint advance(long lastOrderId, long fileOrders, long fileEvents, long fileDeadLettered,
                                     long elapsed) {
        return new HistoryCheckpoint(scope, lastOrderId, nextFile + 1, orders + fileOrders,
                events + fileEvents, files + 1, batches, failedBatches, deadLettered + fileDeadLettered,
                elapsedMillis + elapsed, failures, batchTimes);
    }

    /**
     * A batch was sent at {@code sentAt}; {@code failure} is null when it reached success, and {@code givenUp} when
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
                failedBatches + (givenUp ? 1 : 0), deadLettered, elapsedMillis, allFailures, times);
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
