package dev.ferry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Ferry's heap and RSS through the soak, and whether they stayed flat; the first third is warm-up (the JIT, the heap
 * growing to its working size).
 *
 * <ul>
 *   <li>Heap: the used bytes are a saw-tooth between collections whose average also moves as G1 resizes its young
 *   generation, so the verdict is the live heap's, measured after a full collection at the end of the first third
 *   and at the end.</li>
 *   <li>RSS: the full collection at the end of the first third hands memory back to the system, which G1 then takes
 *   again, so an average before it and one after it would show a rise that is no leak. Growth is a new high: the
 *   last third's peak above the peak before it.</li>
 * </ul>
 */
final class MemoryTrend {

    /** How much higher the later measure may be and still count as flat. */
    private static final double FLAT_WITHIN = 0.10;

    private final List<Sample> samples = new ArrayList<>();
    private final List<Live> live = new ArrayList<>();

    private record Sample(int second, long heapBytes, long rssBytes) {
    }

    private record Live(int second, long bytes) {
    }

    void add(int second, long heapBytes, long rssBytes) {
        samples.add(new Sample(second, heapBytes, rssBytes));
    }

    void addLive(int second, long liveBytes) {
        live.add(new Live(second, liveBytes));
    }

    void print() {
        int third = samples.size() / 3;
        if (third == 0 || live.size() < 2) {
            System.out.println("memory: too few samples to judge a trend");
            return;
        }
        List<Sample> before = samples.subList(0, samples.size() - third);
        List<Sample> last = samples.subList(samples.size() - third, samples.size());
        System.out.printf(Locale.ROOT, "used heap (sampled, not judged): middle third average %.0f MB, last third "
                        + "average %.0f MB, peak %.0f MB%n", average(samples.subList(third, 2 * third)) / 1e6,
                average(last) / 1e6, peak(samples, Sample::heapBytes) / 1e6);
        long rssBefore = peak(before, Sample::rssBytes);
        long rssLast = peak(last, Sample::rssBytes);
        System.out.printf(Locale.ROOT, "RSS: peak %.0f MB before %d s, %.0f MB after (%+.1f %%): %s%n",
                rssBefore / 1e6, last.get(0).second(), rssLast / 1e6, change(rssBefore, rssLast) * 100,
                verdict(rssBefore, rssLast));
        Live first = live.get(0);
        Live end = live.get(live.size() - 1);
        System.out.printf(Locale.ROOT, "live heap after a full collection: %.1f MB at %d s, %.1f MB at %d s (%+.1f %%): "
                        + "%s%n", first.bytes() / 1e6, first.second(), end.bytes() / 1e6, end.second(),
                change(first.bytes(), end.bytes()) * 100, verdict(first.bytes(), end.bytes()));
    }

    private static double average(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::heapBytes).average().orElseThrow();
    }

    private static long peak(List<Sample> samples, ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).max().orElseThrow();
    }

    private static double change(long earlier, long later) {
        return (double) later / earlier - 1;
    }

    private static String verdict(long earlier, long later) {
        return change(earlier, later) <= FLAT_WITHIN ? "flat" : "GROWING";
    }
}
