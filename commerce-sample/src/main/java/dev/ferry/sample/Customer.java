package dev.ferry.sample;

import java.time.LocalDate;

/** A registered customer as an order needs it: who, where they registered, and their default address. */
record Customer(
        long id,
        int websiteId,
        int storeId,
        int groupId,
        String email,
        LocalDate dob,
        Integer gender,
        long addressId,
        PostalAddress address) {
}
