package dev.ferry.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How much Commerce data to seed: 1 website ("base", store views "default" and "fr") or 2 (adding "eu" with store
 * view "de"), how many registered customers and orders, and the window the orders' created_at fall in.
 * Seeding is deterministic for a seed and a size, so build the size once when two runs must match.
 *
 * @param websites 1 or 2
 * @param customers registered customers, 0 for guests only
 * @param orders orders, spread evenly over the window
 * @param createdFrom earliest created_at of an order (inclusive)
 * @param createdTo latest created_at of an order or of anything that happens to it (exclusive)
 */
public record SampleSize(int websites, int customers, int orders, Instant createdFrom, Instant createdTo) {

    public SampleSize {
        if (websites < 1 || websites > 2) {
            throw new IllegalArgumentException("The sample has 1 or 2 websites, not " + websites);
        }
        if (customers < 0 || orders < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: " + customers + " customers, " + orders
                    + " orders");
        }
        createdFrom = createdFrom.truncatedTo(ChronoUnit.SECONDS);
        createdTo = createdTo.truncatedTo(ChronoUnit.SECONDS);
        if (!createdFrom.isBefore(createdTo)) {
            throw new IllegalArgumentException("The order window is empty: " + createdFrom + " to " + createdTo);
        }
    }

    /** One website, 50 customers, 200 orders placed over the last 90 days. */
    public static SampleSize defaults() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SampleSize(1, 50, 200, now.minus(Duration.ofDays(90)), now);
    }

    public SampleSize withWebsites(int count) {
        return new SampleSize(count, customers, orders, createdFrom, createdTo);
    }

    public SampleSize withCustomers(int count) {
        return new SampleSize(websites, count, orders, createdFrom, createdTo);
    }

    public SampleSize withOrders(int count) {
        return new SampleSize(websites, customers, count, createdFrom, createdTo);
    }

    public SampleSize withCreatedBetween(Instant from, Instant to) {
        return new SampleSize(websites, customers, orders, from, to);
    }
}
