package dev.ferry.history.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.sales.SalesOrderReader;
import dev.ferry.sample.CommerceSampleData;
import dev.ferry.sample.MariaDbServer;
import dev.ferry.sample.SampleSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export's pages read ahead by two readers: the same orders, rows and order as reading each order on its own (the
 * order poller's way), whether a page's ids are consecutive (read as one id range) or scattered; a failure ends the
 * reading where it happened.
 */
class PageReadIT {

    // The pid keeps two builds on one machine (and one MariaDB) out of each other's database.
    private static final String DATABASE = "ferry_history_page_it_" + ProcessHandle.current().pid();
    /** Pages of the next five ids, up to order 60. */
    private static final PageReader.PageIds PAGES_OF_FIVE = (c, after) ->
            LongStream.rangeClosed(after + 1, Math.min(60, after + 5)).boxed().toList();
    private static MariaDbServer server;
    private static DataSource commerce;

    @BeforeAll
    static void seed() throws SQLException {
        server = MariaDbServer.machineOrEmbedded();
        commerce = new CommerceSampleData(11).seedNewDatabase(server, DATABASE,
                SampleSize.defaults().withCustomers(10).withOrders(60)
                        .withCreatedBetween(Instant.parse("2024-01-01T00:00:00Z"),
                                Instant.parse("2025-01-01T00:00:00Z")));
    }

    @AfterAll
    static void drop() {
        server.dropDatabase(DATABASE);
        server.close();
    }

    @Test
    void pagesOfConsecutiveOrScatteredIdsHoldTheSameOrdersAsReadingEachOrderAlone() throws Exception {
        try (Connection connection = commerce.getConnection()) {
            List<SalesOrder> alone = new ArrayList<>();
            for (long id = 1; id <= 60; id++) {
                alone.addAll(new SalesOrderReader().read(connection, List.of(id)).values());
            }
            // pages of 7 consecutive ids are read as id ranges; pages of every third id as IN lists
            List<SalesOrder> consecutive = readAll(connection, (c, after) ->
                    LongStream.rangeClosed(after + 1, Math.min(60, after + 7)).boxed().toList());
            List<SalesOrder> scattered = readAll(connection, (c, after) ->
                    LongStream.rangeClosed(after + 1, Math.min(60, after + 21)).filter(id -> id % 3 == 1).boxed()
                            .toList());

            assertThat(alone).hasSize(60);
            assertThat(consecutive).isEqualTo(alone);
            assertThat(scattered).isEqualTo(alone.stream().filter(order -> order.id() % 3 == 1).toList());
        }
    }

    @Test
    void aReaderWhoseConnectionFailsEndsTheReadingAfterEveryPageBeforeItsInKeysetOrder() throws Exception {
        List<SalesOrder> handedOver = new ArrayList<>();
        try (Connection connection = commerce.getConnection();
             PageReader pages = new PageReader(connection, secondOpening(() -> {
                 throw new SQLException("connection refused");
             }), 2, PAGES_OF_FIVE, 0)) {
            assertThatThrownBy(() -> {
                PageReader.Page page;
                while ((page = pages.next()) != null) {
                    handedOver.addAll(page.orders());
                }
            }).isInstanceOf(SQLException.class).hasMessage("connection refused");
            assertThat(pages.next()).isNull();
        }

        assertThat(handedOver).extracting(SalesOrder::id)
                .isEqualTo(LongStream.rangeClosed(1, handedOver.size()).boxed().toList());
        assertThat(handedOver.size() % 5).isZero();
        assertThat(handedOver).hasSizeLessThan(60);
    }

    @Test
    void aReaderThatDiesOfAnErrorEndsTheReadingInsteadOfLeavingTheExportWaiting() throws Exception {
        try (Connection connection = commerce.getConnection();
             PageReader pages = new PageReader(connection, secondOpening(() -> {
                 throw new OutOfMemoryError("Java heap space");
             }), 2, PAGES_OF_FIVE, 0)) {
            List<PageReader.Page> handedOver = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> {
                PageReader.Page page;
                while ((page = pages.next()) != null) {
                    handedOver.add(page);
                }
            }).isInstanceOf(SQLException.class).hasMessage("reading a page failed: java.lang.OutOfMemoryError: Java"
                    + " heap space"));
        }
    }

    /** Connections to the test database, except that opening the second one is {@code second}'s to do. */
    private static HistoryExport.CommerceConnections secondOpening(HistoryExport.CommerceConnections second) {
        AtomicInteger opened = new AtomicInteger();
        return () -> opened.incrementAndGet() == 2 ? second.open() : commerce.getConnection();
    }

    /** Every page the readers hand over until the end, with ids that step past the previous page's last. */
    private static List<SalesOrder> readAll(Connection connection, PageReader.PageIds ids) throws Exception {
        List<SalesOrder> orders = new ArrayList<>();
        try (PageReader pages = new PageReader(connection, commerce::getConnection, 2, ids, 0)) {
            PageReader.Page page;
            while ((page = pages.next()) != null) {
                orders.addAll(page.orders());
            }
        }
        return orders;
    }
}
