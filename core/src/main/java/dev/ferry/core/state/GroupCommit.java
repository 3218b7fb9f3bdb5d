package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for outbox appends. One writer thread takes every append that is waiting, commits them all in one
 * state transaction and only then releases their callers; appends that arrive during that commit form the next
 * group. Under load, many requests share one commit (the state database's most expensive step) instead of paying
 * for one each, and a caller still returns only once its own events and checkpoints are durable.
 */
final class GroupCommit implements AutoCloseable {

    /** Events above which a group is closed and committed, so one transaction stays a few MB at most. */
    private static final int MAX_GROUP_EVENTS = 2_000;

    private final StateDatabase database;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private boolean closed;

    GroupCommit(StateDatabase database) {
        this.database = database;
        this.writer = new Thread(this::writeUntilClosed, "ferry-state-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Appends the events to the channel and writes the checkpoints, in a transaction shared with concurrent appends;
     * returns once it is committed.
     *
     * @throws StateException when the transaction failed: nothing of this append was committed
     */
    Outbox.Appended append(String channel, List<OutboundEvent> events, Map<String, String> checkpoints) {
        PendingAppend pending = new PendingAppend(channel, events, checkpoints, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw new StateException("the state database is closed", null);
            }
            queue.add(pending);
        }
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting for the commit; the events may or may not be stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StateException("state database: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void writeUntilClosed() {
        List<PendingAppend> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            int events = group.get(0).events().size();
            while (events < MAX_GROUP_EVENTS && !group.get(group.size() - 1).isEndOfQueue()) {
                PendingAppend next = queue.poll();
                if (next == null) {
                    break;
                }
                group.add(next);
                events += next.events().size();
            }
            boolean end = group.get(group.size() - 1).isEndOfQueue();
            if (end) {
                group.remove(group.size() - 1);
            }
            try {
                commit(group);
            } catch (Throwable unexpected) {
                // The callers must never wait forever: whatever broke, none of them may acknowledge.
                group.forEach(pending -> pending.result().completeExceptionally(unexpected));
            }
            group.clear();
            if (end) {
                return;
            }
        }
    }

    /** Commits the group together; if that fails, each append alone, so one bad append fails only itself. */
    private void commit(List<PendingAppend> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Outbox.Appended> results;
        try {
            results = database.inTransaction(connection -> write(connection, group));
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(groupFailure);
                return;
            }
            group.forEach(this::commitAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).result().complete(results.get(i));
        }
    }

    private void commitAlone(PendingAppend pending) {
        try {
            pending.result().complete(database.inTransaction(connection -> write(connection, List.of(pending)).get(0)));
        } catch (RuntimeException failure) {
            pending.result().completeExceptionally(failure);
        }
    }

    /**
     * Writes the appends into the transaction: per channel, all their events with one look-up of the waiting ids
     * and one insert batch (in the order the appends arrived), then their checkpoints in the same order.
     */
    private List<Outbox.Appended> write(Connection connection, List<PendingAppend> appends) throws SQLException {
        Map<String, List<Integer>> byChannel = new LinkedHashMap<>();
        for (int i = 0; i < appends.size(); i++) {
            byChannel.computeIfAbsent(appends.get(i).channel(), channel -> new ArrayList<>()).add(i);
        }
        Outbox.Appended[] appended = new Outbox.Appended[appends.size()];
        for (Map.Entry<String, List<Integer>> channel : byChannel.entrySet()) {
            List<Integer> members = channel.getValue();
            List<Outbox.Appended> each = database.outbox().appendEach(connection, channel.getKey(),
                    members.stream().map(i -> appends.get(i).events()).toList());
            for (int k = 0; k < members.size(); k++) {
                appended[members.get(k)] = each.get(k);
            }
        }
        for (PendingAppend pending : appends) {
            database.checkpoints().putAll(connection, pending.checkpoints());
        }
        return List.of(appended);
    }

    /** Commits what is queued, then stops the writer; later appends are refused. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(PendingAppend.END_OF_QUEUE);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One caller's append, and where its caller waits for the outcome. */
    private record PendingAppend(String channel, List<OutboundEvent> events, Map<String, String> checkpoints,
                                 CompletableFuture<Outbox.Appended> result) {

        static final PendingAppend END_OF_QUEUE = new PendingAppend(null, List.of(), Map.of(), null);

        boolean isEndOfQueue() {
            return this == END_OF_QUEUE;
        }
    }
}
