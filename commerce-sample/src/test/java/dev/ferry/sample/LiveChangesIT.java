package dev.ferry.sample;

import static dev.ferry.sample.SampleDatabases.count;
import static dev.ferry.sample.SampleDatabases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One business change at a time, on a seeded database, as the orders connector's tests make them. */
class LiveChangesIT {

    private static final String LONG_AGO = "2020-01-01 00:00:00";

    private static MariaDbServer server;
    private static SampleDatabases databases;
    private static String database;
    private static SeededCommerce seeded;

    private Connection connection;

    @BeforeAll
    static void seed() {
        server = MariaDbServer.machineOrEmbedded();
        databases = new SampleDatabases(server);
        database = databases.create();
        seeded = new CommerceSampleData(5).seed(server.dataSource(database),
                SampleSize.defaults().withWebsites(2).withCustomers(5).withOrders(20));
    }

    @AfterAll
    static void drop() {
        databases.close();
        server.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = databases.connect(database);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void placesAGuestOrderInStateNew() throws SQLException {
        long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("jane.doe@example.com")
                .withItem("FY-TEE-M-Blue", 2).withItem("FY-BTL-01", 1).withCoupon("SPRING15"));

        assertThat(orderId).isGreaterThan(seeded.lastOrderId());
        assertThat(text(connection, "SELECT CONCAT_WS('|', state, status, customer_is_guest, customer_firstname,"
                + " customer_lastname, coupon_code) FROM sales_order WHERE entity_id = ?", orderId))
                .isEqualTo("new|pending|1|Jane|Doe|SPRING15");
        assertThat(count(connection, "SELECT COUNT(*) FROM sales_order_item WHERE order_id = ?", orderId)).isEqualTo(3);
        assertThat(count(connection, "SELECT COUNT(*) FROM sales_order_address WHERE parent_id = ?", orderId))
                .isEqualTo(2);
        assertThat(count(connection, "SELECT TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP()) FROM sales_order"
                + " WHERE entity_id = ?", orderId)).isBetween(0L, 60L);
        assertThat(text(connection, "SELECT increment_id FROM sales_order WHERE entity_id = ?", orderId))
                .isGreaterThan(text(connection, "SELECT MAX(increment_id) FROM sales_order WHERE store_id = 1"
                        + " AND entity_id < ?", orderId));
    }

    @Test
    void capturesACardOrderAtOnce() throws SQLException {
        long orderId = CommerceSampleData.placeOrder(connection,
                NewOrder.byCustomer(seeded.firstCustomerId()).paidWith(PaymentMethod.CARD));

        assertThat(text(connection, "SELECT state FROM sales_order WHERE entity_id = ?", orderId)).isEqualTo("processing");
        assertThat(count(connection, "SELECT COUNT(*) FROM sales_invoice WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(text(connection, "SELECT comment FROM sales_order_status_history WHERE parent_id = ?", orderId))
                .startsWith("Captured amount of");
        assertThat(count(connection, "SELECT customer_id FROM sales_order WHERE entity_id = ?", orderId))
                .isEqualTo(seeded.firstCustomerId());
    }

    @Test
    void touchesUpdatedAtOnlyWhenTheOrderRowChanges() throws SQLException {
        long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("sam.lee@example.com")
                .withItem("FY-MAT-01", 2));

        backdate(orderId);
        CommerceSampleData.invoice(connection, orderId);
        assertThat(stateAndTouched(orderId)).isEqualTo("processing touched");

        backdate(orderId);
        long shipmentId = CommerceSampleData.ship(connection, orderId, "ups", "1Z999AA10123456784");
        assertThat(stateAndTouched(orderId)).isEqualTo("complete touched");

        backdate(orderId);
        CommerceSampleData.addTrack(connection, shipmentId, "dhl", "1234567890");
        assertThat(stateAndTouched(orderId)).isEqualTo("complete untouched");
        assertThat(count(connection, "SELECT COUNT(*) FROM sales_shipment_track WHERE order_id = ?", orderId))
                .isEqualTo(2);

        backdate(orderId);
        CommerceSampleData.refundPartially(connection, orderId);
        assertThat(stateAndTouched(orderId)).isEqualTo("complete touched");

        backdate(orderId);
        CommerceSampleData.refund(connection, orderId);
        assertThat(stateAndTouched(orderId)).isEqualTo("closed touched");
        assertThat(count(connection, "SELECT COUNT(*) FROM sales_order WHERE entity_id = ?"
                + " AND total_refunded = total_paid", orderId)).isEqualTo(1);
    }

    @Test
    void cancelsAPendingOrderButNotAnInvoicedOne() throws SQLException {
        long pending = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("ana.ruiz@example.com"));
        backdate(pending);
        CommerceSampleData.cancel(connection, pending);
        assertThat(stateAndTouched(pending)).isEqualTo("canceled touched");

        long invoiced = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("ana.ruiz@example.com")
                .paidWith(PaymentMethod.CARD));
        assertThatThrownBy(() -> CommerceSampleData.cancel(connection, invoiced)).isInstanceOf(IllegalStateException.class);
        assertThat(text(connection, "SELECT state FROM sales_order WHERE entity_id = ?", invoiced)).isEqualTo("processing");
    }

    @Test
    void joinsTheCallersTransaction() throws SQLException {
        long before = count(connection, "SELECT COUNT(*) FROM sales_order");
        connection.setAutoCommit(false);

        CommerceSampleData.placeOrder(connection, NewOrder.byGuest("rolled.back@example.com").inStore("de"));
        connection.rollback();

        assertThat(count(connection, "SELECT COUNT(*) FROM sales_order")).isEqualTo(before);
    }

    @Test
    void leavesTheSessionTimeZoneAsItFoundIt() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+02:00'");
        }

        long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("kai.berg@example.com"));

        assertThat(text(connection, "SELECT @@session.time_zone")).isEqualTo("+02:00");
        assertThat(count(connection, "SELECT TIMESTAMPDIFF(SECOND, CONVERT_TZ(created_at, '+02:00', '+00:00'),"
                + " UTC_TIMESTAMP()) FROM sales_order WHERE entity_id = ?", orderId)).as("stored in UTC")
                .isBetween(0L, 60L);
    }

    @Test
    void refusesWhatTheSampleDoesNotHave() {
        assertThatThrownBy(() -> CommerceSampleData.placeOrder(connection,
                NewOrder.byGuest("x.y@example.com").withItem("FY-TEE", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FY-TEE-M-Blue");
        assertThatThrownBy(() -> CommerceSampleData.placeOrder(connection,
                NewOrder.byGuest("x.y@example.com").withCoupon("NOPE"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Sets updated_at far back, so a change that touches it shows. */
    private void backdate(long orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE sales_order SET updated_at = ? WHERE entity_id = ?")) {
            statement.setString(1, LONG_AGO);
            statement.setLong(2, orderId);
            statement.executeUpdate();
        }
    }

    private String stateAndTouched(long orderId) throws SQLException {
        return text(connection, "SELECT CONCAT(state, IF(updated_at > ?, ' touched', ' untouched')) FROM sales_order"
                + " WHERE entity_id = ?", LONG_AGO, orderId);
    }
}
