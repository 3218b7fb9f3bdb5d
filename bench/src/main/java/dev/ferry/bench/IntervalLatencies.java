package dev.ferry.bench;

import java.util.Arrays;

/** The request latencies of one report interval of the soak, in ms, for its percentiles. */
final class IntervalLatencies {

    private double[] values = new double[1024];
    private int count;

    synchronized void record(double ms) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = ms;
    }

    /** The p-th percentile (0 to 1) of what was recorded, NaN when nothing was. */
    synchronized double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, Math.max(0, (int) Math.ceil(p * count) - 1))];
    }
}
