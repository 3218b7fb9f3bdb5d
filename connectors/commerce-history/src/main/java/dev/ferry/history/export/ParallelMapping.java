package dev.ferry.history.export;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.sales.SalesOrder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Maps a page's orders on every core: the page is cut into one contiguous slice per core, the calling thread maps
 * the first while helper threads map the others, and the results come back in page order, so the files are the
 * same whatever the number of cores.
 */
final class ParallelMapping implements AutoCloseable {

    /** Room for a typical order's lines (about 1.4 kB per event, three or four events) before the buffer grows. */
    private static final int BUFFER_BYTES = 8192;

    private final OrderLines lines;
    private final int slices;
    private final ExecutorService helpers;

    ParallelMapping(OrderLines lines, int cores) {
        this.lines = lines;
        this.slices = Math.max(1, cores);
        this.helpers = slices == 1 ? null : Executors.newFixedThreadPool(slices - 1,
                DaemonThreads.named("history-mapper"));
    }

    List<MappedOrder> map(List<SalesOrder> orders) throws InterruptedException {
        int size = orders.size();
        int sliceSize = (size + slices - 1) / slices;
        List<Future<List<MappedOrder>>> others = new ArrayList<>();
        for (int from = sliceSize; from < size; from += sliceSize) {
            List<SalesOrder> slice = orders.subList(from, Math.min(size, from + sliceSize));
            others.add(helpers.submit(() -> map(slice, lines)));
        }
        List<MappedOrder> mapped = new ArrayList<>(size);
        mapped.addAll(map(orders.subList(0, Math.min(size, sliceSize)), lines));
        for (Future<List<MappedOrder>> other : others) {
            try {
                mapped.addAll(other.get());
            } catch (ExecutionException e) {
                // OrderLines turns a bad order into an unmappable one; what gets here is an Error
                throw new IllegalStateException("mapping a slice of a page failed", e.getCause());
            }
        }
        return mapped;
    }

    private static List<MappedOrder> map(List<SalesOrder> slice, OrderLines lines) {
        List<MappedOrder> mapped = new ArrayList<>(slice.size());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(BUFFER_BYTES);
        for (SalesOrder order : slice) {
            mapped.add(lines.map(order, buffer));
        }
        return mapped;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
