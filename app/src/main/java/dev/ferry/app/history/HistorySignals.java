package dev.ferry.app.history;

import dev.ferry.history.export.HistoryProgress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code ferry history}: the first asks the export to stop at its next step, with
 * its checkpoint saved, so that it ends with exit 5 and says how to go on; a second ends Ferry at once, as it did
 * before (the checkpoint is resumable then too, as after {@code kill -9}). Passes the export's progress on.
 *
 * <p>The JDK has no supported API for a signal's handler; {@code sun.misc.Signal}, in the {@code jdk.unsupported}
 * module, is the one kept for this use (hence the compiler's warning). A signal ignored when the JVM started (a
 * background job of a script) stays ignored.
 */
public final class HistorySignals implements HistoryProgress, AutoCloseable {

    private static final List<String> STOPPING = List.of("INT", "TERM");

    private final HistoryProgress progress;
    private final PrintWriter err;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile boolean stopRequested;

    private HistorySignals(HistoryProgress progress, PrintWriter err) {
        this.progress = progress;
        this.err = err;
    }

    /** Handles Ctrl-C and SIGTERM until closed. */
    public static HistorySignals install(HistoryProgress progress, PrintWriter err) {
        HistorySignals signals = new HistorySignals(progress, err);
        for (String name : STOPPING) {
            Signal signal = new Signal(name);
            try {
                signals.previous.put(signal, Signal.handle(signal, signals::stop));
            } catch (IllegalArgumentException reserved) {
                // the JVM keeps the signal to itself (-Xrs): it ends Ferry as before, which a resume survives
            }
        }
        return signals;
    }

    private synchronized void stop(Signal signal) {
        close();
        stopRequested = true;
        err.println();
        err.println("ferry: SIG" + signal.getName() + ": stopping after the step in progress; press Ctrl-C again to "
                + "quit at once");
        err.flush();
    }

    @Override
    public void update(long ordersDone, long ordersTotal, long events) {
        progress.update(ordersDone, ordersTotal, events);
    }

    @Override
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Gives each signal back the handler it had, so the next one does what it did before. */
    @Override
    public synchronized void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
