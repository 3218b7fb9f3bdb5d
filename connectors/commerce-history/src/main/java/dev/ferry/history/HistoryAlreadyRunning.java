package dev.ferry.history;

import java.time.Instant;

/**
 * A trigger (a quartz firing, a REST call) asked for an export that is already running: it starts nothing. A
 * route may answer it, for example with HTTP 409.
 */
public class HistoryAlreadyRunning extends IllegalStateException {

    public HistoryAlreadyRunning(String name, Instant since) {
        this(name, since, "this process");
    }

    /** @param where who runs it, e.g. {@code process 4711 on shop-db-2} */
    public HistoryAlreadyRunning(String name, Instant since, String where) {
        super("history export '" + name + "' is already running (since " + since + ", in " + where + "); this request"
                + " started nothing, as a second run would send the same orders twice");
    }
}
