package dev.ferry.app.history;

import dev.ferry.history.export.HistoryProgress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Draws a history export's progress: on a terminal a bar redrawn in place (orders done / total, rate, ETA), in a
 * pipe or a log one plain line every ten seconds, so CI logs and cron mails stay readable.
 */
public final class HistoryProgressBar implements HistoryProgress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long startOrders = -1;
    private long lastDrawn;

    public HistoryProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? Duration.ofMillis(200).toNanos() : Duration.ofSeconds(10).toNanos();
    }

    @Override
    public void update(long ordersDone, long ordersTotal, long events) {
        long now = System.nanoTime();
        if (startOrders < 0) {
            startOrders = ordersDone;
        }
        boolean finished = ordersDone >= ordersTotal;
        if (!finished && now - lastDrawn < intervalNanos && lastDrawn != 0) {
            return;
        }
        lastDrawn = now;
        String line = line(ordersDone, ordersTotal, events, now);
        if (terminal) {
            out.print("\r" + line + (finished ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String line(long done, long total, long events, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = (done - startOrders) / seconds;
        String eta = rate <= 0 || done >= total ? "-" : format(Duration.ofSeconds((long) ((total - done) / rate)));
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
        return String.format("[%s%s] %,d / %,d orders  %,d events  %,.0f orders/s  ETA %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, events, rate, eta);
    }

    private static String format(Duration duration) {
        return duration.toHours() > 0 ? duration.toHours() + "h" + duration.toMinutesPart() + "m"
                : duration.toMinutesPart() + "m" + duration.toSecondsPart() + "s";
    }
}
