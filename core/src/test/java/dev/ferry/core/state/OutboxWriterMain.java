package dev.ferry.core.state;

import dev.ferry.core.delivery.OutboundEvent;

import java.util.List;

/**
 * A child process for {@link OutboxCrashIT}: given the state database's URL, user and password, appends one event
 * per transaction and prints its id only after the commit returned, i.e. once Ferry would have acknowledged it.
 */
public final class OutboxWriterMain {

    private OutboxWriterMain() {
    }

    public static void main(String[] args) {
        try (StateDatabase state = StateDatabase.open(args[0], args[1], args[2])) {
            for (int i = 0; ; i++) {
                String id = "crash-" + i;
                state.outbox().append("crash", List.of(new OutboundEvent(id, null, "{\"_id\":\"" + id + "\"}")));
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
