package dev.ferry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Ferry's heap and RSS sampled through the soak, and whether they stayed flat: the first third is warm-up (the JIT,
 * the heap growing to its working size), so the last third's average is compared with the middle third's. Averages,
 * because the heap's used bytes are a saw-tooth between collections and a single sample says little.
 */
final class MemoryTrend {

    /** How much the last third may be above the middle third and still count as flat. */
    private static final double FLAT_WITHIN = 0.10;

    private final List<Sample> samples = new ArrayList<>();

    private record Sample(int second, long heapBytes, long rssBytes) {
    }

    void add(int second, long heapBytes, long rssBytes) {
        samples.add(new Sample(second, heapBytes, rssBytes));
    }

    void print() {
        print("heap", Sample::heapBytes);
        print("RSS", Sample::rssBytes);
    }

    private void print(String name, ToLongFunction<Sample> value) {
        int third = samples.size() / 3;
        if (third == 0) {
            System.out.printf("%s: too few samples to judge a trend%n", name);
            return;
        }
        double middle = average(samples.subList(third, 2 * third), value);
        double last = average(samples.subList(samples.size() - third, samples.size()), value);
        double max = samples.stream().mapToLong(value).max().orElseThrow();
        double change = last / middle - 1;
        System.out.printf(Locale.ROOT, "%s: middle third (from %d s) average %.0f MB, last third (from %d s) average "
                        + "%.0f MB (%+.1f %%), peak %.0f MB: %s%n", name, samples.get(third).second(), middle / 1e6,
                samples.get(samples.size() - third).second(), last / 1e6, change * 100, max / 1e6,
                change <= FLAT_WITHIN ? "flat" : "GROWING");
    }

    private static double average(List<Sample> samples, ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).average().orElseThrow();
    }
}
