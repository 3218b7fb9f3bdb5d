package dev.ferry.history.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.core.sales.OrderChange;
import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.sales.OrderLifecycle;
import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.xdm.PreEncodedFieldNames;
import dev.ferry.core.xdm.Xdm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An order's changes as the order poller's events, one JSON line each, written straight to bytes by one generator
 * (no tree). Holds no state between orders (its field names cache is safe to share), so the mapping threads share
 * one.
 */
final class OrderLines {

    private final HistoryJob job;
    private final OrderEventMapper mapper;
    private final PreEncodedFieldNames names = new PreEncodedFieldNames(PreEncodedFieldNames.DEFAULT_CAPACITY);

    OrderLines(HistoryJob job, OrderEventMapper mapper) {
        this.job = job;
        this.mapper = mapper;
    }

    /**
     * Never throws for a bad order: an order that cannot become lines (that fit a file) comes back unmappable.
     *
     * @param buffer where the lines are written before they are copied out, reused by one thread from order to order:
     *               a buffer per order was a fifth of everything the export allocated
     */
    MappedOrder map(SalesOrder order, ByteArrayOutputStream buffer) {
        buffer.reset();
        try {
            List<OrderChange> changes = OrderLifecycle.changes(order, job.kinds(), job.range().to());
            try (JsonGenerator generator = names.wrap(Xdm.JSON.createGenerator(buffer))) {
                // Lines end in a newline of their own; the generator's default space between root values would start
                // every line after the first with a blank.
                generator.setRootValueSeparator(null);
                mapper.writeLines(changes, order, generator);
            }
            byte[] lines = buffer.toByteArray();
            if (lines.length > job.fileSize()) {
                throw new IllegalArgumentException("its " + changes.size() + " events take " + lines.length
                        + " bytes, more than a whole file (file-size " + job.fileSize() + ")");
            }
            return new MappedOrder(order, lines, changes.size(), null);
        } catch (RuntimeException e) {
            return MappedOrder.unmappable(order, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
