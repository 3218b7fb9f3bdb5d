package dev.ferry.app.history;

import dev.ferry.history.export.HistoryProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws a history export's progress: on a terminal a bar redrawn in place (orders done / total, rate, ETA), in a
 * pipe or a log one plain line every ten seconds (done / total with the percentage, no bar), so CI logs and cron
 * mails stay readable. The end is drawn once, however often the export reports it (the orders are all written
 * before the last batches settle).
 */
public final class HistoryProgressBar implements HistoryProgress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final long started;
    private long startOrders = -1;
    private boolean drawn;
    private long lastDrawn;
    private String lastFinished;

    public HistoryProgressBar(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    HistoryProgressBar(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? Duration.ofMillis(200).toNanos() : Duration.ofSeconds(10).toNanos();
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    @Override
    public void update(long ordersDone, long ordersTotal, long events) {
        long now = nanoTime.getAsLong();
        if (startOrders < 0) {
            startOrders = ordersDone;
        }
        boolean finished = ordersDone >= ordersTotal;
        if (!finished && drawn && now - lastDrawn < intervalNanos) {
            return;
        }
        String counts = counts(ordersDone, ordersTotal, events);
        if (finished && counts.equals(lastFinished)) {
            return;
        }
        lastFinished = finished ? counts : null;
        drawn = true;
        lastDrawn = now;
        String line = line(ordersDone, ordersTotal, counts, now);
        if (terminal) {
            out.print("\r" + line + (finished ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String counts(long done, long total, long events) {
        String orders = String.format(Locale.ROOT, "%,d / %,d orders", done, total);
        if (!terminal) {
            orders += String.format(Locale.ROOT, " (%d %%)", total == 0 ? 100 : 100 * done / total);
        }
        return orders + String.format(Locale.ROOT, "  %,d events", events);
    }

    private String line(long done, long total, String counts, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = (done - startOrders) / seconds;
        String eta = rate <= 0 || done >= total ? "-" : format(Duration.ofSeconds((long) ((total - done) / rate)));
        String rest = String.format(Locale.ROOT, "%s  %,.0f orders/s  ETA %s", counts, rate, eta);
        if (!terminal) {
            return rest;
        }
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + rest;
    }

    private static String format(Duration duration) {
        return duration.toHours() > 0 ? duration.toHours() + "h" + duration.toMinutesPart() + "m"
                : duration.toMinutesPart() + "m" + duration.toSecondsPart() + "s";
    }
}
