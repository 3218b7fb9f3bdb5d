package dev.ferry.history.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.core.sales.OrderChange;
import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.sales.OrderLifecycle;
import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.core.xdm.XdmEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An order's changes as the order poller's events, one JSON line each, all of an order's lines written by one
 * generator. Holds no state between orders, so the mapping threads share one.
 */
final class OrderLines {

    private final HistoryJob job;
    private final OrderEventMapper mapper;

    OrderLines(HistoryJob job, OrderEventMapper mapper) {
        this.job = job;
        this.mapper = mapper;
    }

    /** Never throws for a bad order: an order that cannot become lines (that fit a file) comes back unmappable. */
    MappedOrder map(SalesOrder order) {
        try {
            List<OrderChange> changes = OrderLifecycle.changes(order, job.kinds(), job.range().to());
            List<XdmEvent> events = mapper.map(changes, order);
            byte[] lines = write(events);
            if (lines.length > job.fileSize()) {
                throw new IllegalArgumentException("its " + events.size() + " events take " + lines.length
                        + " bytes, more than a whole file (file-size " + job.fileSize() + ")");
            }
            return new MappedOrder(order, lines, events.size(), null);
        } catch (RuntimeException e) {
            return MappedOrder.unmappable(order, e.getMessage());
        }
    }

    private static byte[] write(List<XdmEvent> events) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048 * Math.max(1, events.size()));
        try (JsonGenerator generator = Xdm.JSON.createGenerator(buffer)) {
            // Lines end in a newline of their own; the generator's default space between root values would start
            // every line after the first with a blank.
            generator.setRootValueSeparator(null);
            for (XdmEvent event : events) {
                generator.writeTree(event.xdm());
                generator.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }
}
