package dev.ferry.app.faults;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places guest orders one after the other, each committed on its own, until stopped, as a busy shop does while the
 * scenario breaks something. An order whose commit fails (the database is down) is not owed, so it is only counted.
 */
final class OrderBurst implements AutoCloseable {

    private final FaultCommerce commerce;
    private final AtomicBoolean placing = new AtomicBoolean(true);
    private final AtomicInteger attempted = new AtomicInteger();
    private final Thread thread;

    private OrderBurst(FaultCommerce commerce) {
        this.commerce = commerce;
        this.thread = new Thread(this::placeUntilStopped, "order-burst");
    }

    static OrderBurst start(FaultCommerce commerce) {
        OrderBurst burst = new OrderBurst(commerce);
        burst.thread.start();
        return burst;
    }

    int attempted() {
        return attempted.get();
    }

    private void placeUntilStopped() {
        while (placing.get()) {
            int n = attempted.incrementAndGet();
            try {
                commerce.placeOrder("burst-" + n + "@example.com");
                Thread.sleep(20);
            } catch (SQLException | RuntimeException databaseDown) {
                pause(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops placing and waits for the order being placed. */
    @Override
    public void close() throws InterruptedException {
        placing.set(false);
        thread.join();
    }
}
