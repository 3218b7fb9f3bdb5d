package dev.ferry.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes one business change in a Commerce database as Magento writes it, at the database's clock, for the
 * connectors' tests to watch. The change commits on its own unless the caller has a transaction open.
 */
final class LiveChanges {

    private static final String DEFAULT_SKU = "FY-BTL-01";

    private LiveChanges() {
    }

    static long placeOrder(Connection connection, NewOrder request) throws SQLException {
        return inTransaction(connection, () -> {
            LocalDateTime now = databaseNow(connection);
            Customer customer = request.customerId() == null ? null : customer(connection, request.customerId());
            StoreView store = store(connection, request, customer);
            SplittableRandom random = new SplittableRandom(request.hashCode() * 31L + now.hashCode());
            String email = customer == null ? request.guestEmail() : customer.email();
            PostalAddress address = customer == null
                    ? People.addressFor(random, store.countryId(), guestName(email, 0), guestName(email, 1))
                    : customer.address();
            Coupon coupon = request.couponCode() == null ? null : Coupon.byCode(request.couponCode())
                    .orElseThrow(() -> new IllegalArgumentException("The sample has no coupon " + request.couponCode()
                            + "; its coupons are " + Coupon.SAMPLE.stream().map(Coupon::code).toList()));
            OrderDraft draft = new OrderDraft(store, customer, email, address, lines(request), coupon,
                    request.payment(), ShippingMethod.FLAT_RATE, CheckoutTraces.draw(random, now.getYear()));
            Keys keys = new DatabaseKeys(connection);
            SalesOrder order = Checkout.place(draft, keys, now);
            if (request.payment() == PaymentMethod.CARD) {
                Invoicing.invoice(order, keys, now);
            }
            RowWriter.write(connection, order.rows());
            return order.id();
        });
    }

    static long invoice(Connection connection, long orderId) throws SQLException {
        return change(connection, orderId, (order, keys, now) -> Invoicing.invoice(order, keys, now).id());
    }

    static long ship(Connection connection, long orderId, String carrierCode, String trackNumber) throws SQLException {
        List<Shipping.Track> tracks =
                trackNumber == null ? List.of() : List.of(new Shipping.Track(carrierCode, trackNumber));
        return change(connection, orderId, (order, keys, now) -> Shipping.ship(order, keys, now, tracks).id());
    }

    static long addTrack(Connection connection, long shipmentId, String carrierCode, String trackNumber)
            throws SQLException {
        return inTransaction(connection, () -> {
            List<Row> shipments = StoredRows.select(connection, CommerceTable.SALES_SHIPMENT,
                    "SELECT entity_id, order_id FROM sales_shipment WHERE entity_id = ?", shipmentId);
            if (shipments.isEmpty()) {
                throw new IllegalArgumentException("No sales_shipment has entity_id " + shipmentId);
            }
            Row track = Shipping.track(new DatabaseKeys(connection), shipmentId, shipments.get(0).longValue("order_id"),
                    new Shipping.Track(carrierCode, trackNumber), databaseNow(connection));
            RowWriter.write(connection, List.of(track));
            return track.id();
        });
    }

    static long refund(Connection connection, long orderId) throws SQLException {
        return change(connection, orderId, (order, keys, now) -> Refunding.refundAll(order, keys, now).id());
    }

    static long refundPartially(Connection connection, long orderId) throws SQLException {
        return change(connection, orderId, (order, keys, now) -> Refunding.refundOneUnit(order, keys, now).id());
    }

    static void cancel(Connection connection, long orderId) throws SQLException {
        change(connection, orderId, (order, keys, now) -> {
            Cancelling.cancel(order, now);
            return order.id();
        });
    }

    /** A change to one stored order, returning the id of what it created. */
    private interface OrderChange {
        long apply(SalesOrder order, Keys keys, LocalDateTime now);
    }

    private interface Work {
        long run() throws SQLException;
    }

    private static long change(Connection connection, long orderId, OrderChange change) throws SQLException {
        return inTransaction(connection, () -> {
            SalesOrder order = StoredRows.order(connection, orderId);
            long created = change.apply(order, new DatabaseKeys(connection), databaseNow(connection));
            RowWriter.write(connection, order.rows());
            return created;
        });
    }

    private static long inTransaction(Connection connection, Work work) throws SQLException {
        try (Sessions.Saved ignored = Sessions.utc(connection)) {
            if (!connection.getAutoCommit()) {
                return work.run();
            }
            connection.setAutoCommit(false);
            try {
                long result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The database's UTC clock, the one ON UPDATE CURRENT_TIMESTAMP uses, to the second as Magento stores it. */
    private static LocalDateTime databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT UTC_TIMESTAMP()");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getObject(1, LocalDateTime.class);
        }
    }

    private static Customer customer(Connection connection, long customerId) throws SQLException {
        List<Row> customers = StoredRows.select(connection, CommerceTable.CUSTOMER_ENTITY,
                "SELECT * FROM customer_entity WHERE entity_id = ?", customerId);
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("No customer_entity has entity_id " + customerId);
        }
        Row customer = customers.get(0);
        Long addressId = customer.longOrNull("default_billing");
        List<Row> addresses = addressId == null ? List.of() : StoredRows.select(connection,
                CommerceTable.CUSTOMER_ADDRESS_ENTITY, "SELECT * FROM customer_address_entity WHERE entity_id = ?",
                addressId);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("Customer " + customerId + " has no default billing address");
        }
        Row address = addresses.get(0);
        Long regionId = address.longOrNull("region_id");
        Object dob = customer.get("dob");
        Long gender = customer.longOrNull("gender");
        return new Customer(customerId, (int) customer.longValue("website_id"), (int) customer.longValue("store_id"),
                (int) customer.longValue("group_id"), customer.string("email"),
                dob instanceof Date date ? date.toLocalDate() : (LocalDate) dob,
                gender == null ? null : gender.intValue(), addressId,
                new PostalAddress(address.string("firstname"), address.string("lastname"), address.string("street"),
                        address.string("city"), address.string("region"), regionId == null ? null : regionId.intValue(),
                        address.string("postcode"), address.string("country_id"), address.string("telephone")));
    }

    private static StoreView store(Connection connection, NewOrder request, Customer customer) throws SQLException {
        Stores stores = Stores.all();
        StoreView store = request.storeCode() != null
                ? stores.byCode(request.storeCode()).orElseThrow(() -> new IllegalArgumentException(
                        "The sample has no store view " + request.storeCode()))
                : customer != null ? stores.byId(customer.storeId()).orElseThrow()
                : stores.byCode("default").orElseThrow();
        if (StoredRows.select(connection, CommerceTable.STORE, "SELECT store_id FROM store WHERE store_id = ?",
                store.storeId()).isEmpty()) {
            throw new IllegalArgumentException("Store view " + store.code() + " is not in this database; seed it with "
                    + "SampleSize.withWebsites(2)");
        }
        return store;
    }

    private static List<OrderDraft.Line> lines(NewOrder request) {
        List<NewOrder.Item> items =
                request.items().isEmpty() ? List.of(new NewOrder.Item(DEFAULT_SKU, 1)) : request.items();
        List<OrderDraft.Line> lines = new ArrayList<>();
        for (NewOrder.Item item : items) {
            Product product = Catalog.sample().bySku(item.sku()).orElseThrow(() -> new IllegalArgumentException(
                    "The sample catalog has no SKU " + item.sku()));
            if (!product.typeId().equals("simple")) {
                throw new IllegalArgumentException(item.sku() + " is configurable: order one of its variants, such as "
                        + item.sku() + "-M-Blue");
            }
            if (item.qty() < 1) {
                throw new IllegalArgumentException("Order at least one unit of " + item.sku());
            }
            lines.add(new OrderDraft.Line(product, item.qty()));
        }
        return lines;
    }

    /** "jane.doe@example.com" gives Jane and Doe; an address without two name parts gives Guest Shopper. */
    private static String guestName(String email, int part) {
        String[] parts = email.substring(0, Math.max(0, email.indexOf('@'))).split("[._+-]+");
        if (parts.length < 2 || parts[part].isEmpty()) {
            return part == 0 ? "Guest" : "Shopper";
        }
        String name = parts[part].replaceAll("[0-9]", "");
        return name.isEmpty() ? (part == 0 ? "Guest" : "Shopper")
                : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
