package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for outbox appends, leader and followers: an append joins the queue; if no commit is under way its
 * own thread becomes the leader, takes everything queued and commits it in one state transaction; appends that
 * arrive meanwhile wait, and when the commit is done one of them leads the next group. Under load many requests
 * share one commit (the state database's most expensive step); without load each append commits on its own thread
 * with no hand-over to another thread. Either way a caller returns only once its own events and checkpoints are
 * committed.
 */
final class GroupCommit implements AutoCloseable {

    /** Events above which a group is closed and committed, so one transaction stays a few MB at most. */
    private static final int MAX_GROUP_EVENTS = 2_000;

    private final StateDatabase database;
    /** Guards queue, committing and closed; waiters are woken when a group is done. */
    private final Object monitor = new Object();
    private final Queue<PendingAppend> queue = new ArrayDeque<>();
    private boolean committing;
    private boolean closed;

    GroupCommit(StateDatabase database) {
        this.database = database;
    }

    /**
     * Appends the events to the channel and writes the checkpoints, in a transaction shared with concurrent appends;
     * returns once it is committed.
     *
     * @throws StateException when the transaction failed: nothing of this append was committed
     */
    Outbox.Appended append(String channel, List<OutboundEvent> events, Map<String, String> checkpoints) {
        PendingAppend pending = new PendingAppend(channel, events, checkpoints, new CompletableFuture<>());
        synchronized (monitor) {
            if (closed) {
                throw new StateException("the state database is closed", null);
            }
            queue.add(pending);
            while (committing && !pending.result().isDone()) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StateException("interrupted while waiting for the commit; the events may or may not be "
                            + "stored", e);
                }
            }
            if (!pending.result().isDone()) {
                committing = true;
            }
        }
        if (!pending.result().isDone()) {
            leadUntilCommitted(pending);
        }
        return pending.outcome();
    }

    /** Commits the queued groups, in order, until the leader's own append is among the committed. */
    private void leadUntilCommitted(PendingAppend own) {
        try {
            while (!own.result().isDone()) {
                List<PendingAppend> group;
                synchronized (monitor) {
                    group = takeGroup();
                }
                commit(group);
            }
        } finally {
            synchronized (monitor) {
                committing = false;
                monitor.notifyAll();
            }
        }
    }

    private List<PendingAppend> takeGroup() {
        List<PendingAppend> group = new ArrayList<>();
        int events = 0;
        while (!queue.isEmpty() && (group.isEmpty() || events + queue.peek().events().size() <= MAX_GROUP_EVENTS)) {
            PendingAppend next = queue.poll();
            group.add(next);
            events += next.events().size();
        }
        return group;
    }

    /** Commits the group together; if that fails, each append alone, so one bad append fails only itself. */
    private void commit(List<PendingAppend> group) {
        try {
            List<Outbox.Appended> results = database.inTransaction(connection -> write(connection, group));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1 || StateException.unreachable(groupFailure)) {
                // Without the database no append of the group could commit alone either, and trying each in turn
                // would keep the last waiting for a connection timeout per append before it may answer.
                group.forEach(pending -> pending.result().completeExceptionally(groupFailure));
            } else {
                group.forEach(this::commitAlone);
            }
        } catch (Error unexpected) {
            // The followers must never wait forever: whatever broke, none of them may acknowledge.
            group.forEach(pending -> pending.result().completeExceptionally(unexpected));
            throw unexpected;
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

    /** Refuses new appends and waits until the ones already queued are committed (or failed). */
    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            while (committing || !queue.isEmpty()) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One caller's append, and its outcome once a commit settled it. */
    private record PendingAppend(String channel, List<OutboundEvent> events, Map<String, String> checkpoints,
                                 CompletableFuture<Outbox.Appended> result) {

        Outbox.Appended outcome() {
            try {
                return result.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new StateException("state database: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
