package dev.ferry.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One seeding run: stores, catalog and customers first, then the orders in created_at order, each business change
 * (invoice, shipment, refund, cancellation) replayed at its own time among the other orders' placements, so ids
 * grow with time in every table as they do in a live store. An order is written once nothing more will happen to
 * it, in batches of whole orders.
 */
final class SampleSeeder {

    private static final int ROWS_PER_SEND = 5_000;

    /** A planned business change, due at a time; ties go in planning order. */
    private record Due(LocalDateTime at, long sequence, SalesOrder order, OrderPlans.Action action, boolean last) {
    }

    private final long seed;
    private final SampleSize size;
    private final SplittableRandom random;
    private final SequentialKeys keys = new SequentialKeys();
    private final SeedSummary summary = new SeedSummary();
    private final PriorityQueue<Due> dueChanges =
            new PriorityQueue<>(Comparator.comparing(Due::at).thenComparingLong(Due::sequence));
    private long planned;
    private RowWriter writer;

    SampleSeeder(long seed, SampleSize size) {
        this.seed = seed;
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    /** Replaces whatever the Commerce tables hold with the sample, in the connection's database. */
    SeededCommerce seed(Connection target) throws SQLException {
        boolean autoCommit = target.getAutoCommit();
        try (Sessions.Saved ignored = Sessions.utcWithZeroIds(target)) {
            CommerceSchema.create(target);
            CommerceSchema.clear(target);
            target.setAutoCommit(false);
            try (RowWriter rows = new RowWriter(target)) {
                writer = rows;
                seedAll();
                writer.sendAndWait();
            }
            return summary.result();
        } catch (SQLException | RuntimeException e) {
            if (!target.getAutoCommit()) {
                target.rollback();
            }
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    private void seedAll() throws SQLException {
        LocalDateTime from = LocalDateTime.ofInstant(size.createdFrom(), ZoneOffset.UTC);
        LocalDateTime to = LocalDateTime.ofInstant(size.createdTo(), ZoneOffset.UTC);
        Stores stores = Stores.forWebsites(size.websites());
        summary.stores(stores);
        stores.rows().forEach(writer::add);
        Catalog catalog = Catalog.sample();
        summary.products(catalog.products().size());
        catalog.rows(from.minusYears(2)).forEach(writer::add);
        List<Row> customerRows = new ArrayList<>();
        List<Customer> customers = SampleCustomers.create(random, stores, keys, size.customers(), from, customerRows);
        customers.forEach(summary::customer);
        customerRows.forEach(writer::add);
        writer.sendAndWait();

        SampleCarts carts = new SampleCarts(stores, customers, new GuestShoppers(seed, stores, size.orders()));
        double secondsPerOrder = (double) Duration.between(from, to).getSeconds() / Math.max(1, size.orders());
        for (int i = 0; i < size.orders(); i++) {
            LocalDateTime placedAt = from.plusSeconds((long) ((i + random.nextDouble()) * secondsPerOrder));
            applyDueChanges(placedAt);
            OrderDraft draft = carts.next(random, placedAt);
            SalesOrder order = Checkout.place(draft, keys, placedAt);
            List<OrderPlans.Step> steps = OrderPlans.plan(random, draft.payment(),
                    order.order().amount("total_qty_ordered"), placedAt, to);
            for (int s = 0; s < steps.size(); s++) {
                OrderPlans.Step step = steps.get(s);
                dueChanges.add(new Due(step.at(), planned++, order, step.action(), s == steps.size() - 1));
            }
            if (steps.isEmpty()) {
                finish(order);
            }
        }
        applyDueChanges(LocalDateTime.MAX);
    }

    private void applyDueChanges(LocalDateTime until) throws SQLException {
        while (!dueChanges.isEmpty() && !dueChanges.peek().at().isAfter(until)) {
            Due due = dueChanges.poll();
            SalesOrder order = due.order();
            switch (due.action()) {
                case INVOICE -> Invoicing.invoice(order, keys, due.at());
                case SHIP -> Shipping.ship(order, keys, due.at(), TrackingNumbers.draw(random));
                case REFUND_ALL -> Refunding.refundAll(order, keys, due.at());
                case REFUND_ONE -> Refunding.refundOneUnit(order, keys, due.at());
                case CANCEL -> Cancelling.cancel(order, due.at());
            }
            if (due.last()) {
                finish(order);
            }
        }
    }

    /** Queues all rows of an order that will not change again; sends only between orders, so parents come along. */
    private void finish(SalesOrder order) throws SQLException {
        order.rows().forEach(writer::add);
        summary.order(order);
        if (writer.queuedRows() >= ROWS_PER_SEND) {
            writer.sendInBackground();
        }
    }
}
