package dev.ferry.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Registered customers of the sample, each with one address that is both default billing and default shipping,
 * all registered in the year before the first order.
 */
final class SampleCustomers {

    /** Magento's "General" customer group. */
    static final int GENERAL_GROUP = 1;

    private static final int REGISTRATION_DAYS = 365;
    private static final LocalDate OLDEST_BIRTHDAY = LocalDate.of(1950, 1, 1);
    private static final int BIRTHDAY_SPAN_DAYS = 55 * 365;

    private SampleCustomers() {
    }

    /** Creates the customers and appends their customer_entity and customer_address_entity rows to {@code rows}. */
    static List<Customer> create(SplittableRandom random, Stores stores, Keys keys, int count,
            LocalDateTime firstOrderAt, List<Row> rows) {
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StoreView store = stores.pick(random);
            PostalAddress address = People.someone(random, store.countryId());
            long id = keys.nextId(CommerceTable.CUSTOMER_ENTITY);
            long addressId = keys.nextId(CommerceTable.CUSTOMER_ADDRESS_ENTITY);
            String email = People.email(address.firstname(), address.lastname(), id, "example.com");
            LocalDate dob = OLDEST_BIRTHDAY.plusDays(random.nextInt(BIRTHDAY_SPAN_DAYS));
            int gender = 1 + random.nextInt(3);
            LocalDateTime registeredAt = firstOrderAt.minusSeconds(1 + random.nextLong(REGISTRATION_DAYS * 86_400L));
            rows.add(Row.create(CommerceTable.CUSTOMER_ENTITY, id)
                    .set("website_id", store.websiteId())
                    .set("store_id", store.storeId())
                    .set("group_id", GENERAL_GROUP)
                    .set("email", email)
                    .set("firstname", address.firstname())
                    .set("lastname", address.lastname())
                    .set("dob", dob)
                    .set("gender", gender)
                    .set("created_in", store.name())
                    .set("password_hash", passwordHash(random))
                    .set("default_billing", addressId)
                    .set("default_shipping", addressId)
                    .set("is_active", 1)
                    .set("created_at", registeredAt)
                    .set("updated_at", registeredAt));
            rows.add(Row.create(CommerceTable.CUSTOMER_ADDRESS_ENTITY, addressId)
                    .set("parent_id", id)
                    .set("firstname", address.firstname())
                    .set("lastname", address.lastname())
                    .set("street", address.street())
                    .set("city", address.city())
                    .set("region", address.region())
                    .set("region_id", address.regionId())
                    .set("postcode", address.postcode())
                    .set("country_id", address.countryId())
                    .set("telephone", address.telephone())
                    .set("is_active", 1)
                    .set("created_at", registeredAt)
                    .set("updated_at", registeredAt));
            customers.add(new Customer(id, store.websiteId(), store.storeId(), GENERAL_GROUP, email, dob, gender,
                    addressId, address));
        }
        return customers;
    }

    /** Shaped like Magento 2.4's Argon2id hashes ("hash:salt:3_32_2_67108864"); it opens no account. */
    private static String passwordHash(SplittableRandom random) {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hash.append(Character.forDigit(random.nextInt(16), 16));
        }
        hash.append(':');
        for (int i = 0; i < 32; i++) {
            hash.append(Character.forDigit(random.nextInt(36), 36));
        }
        return hash.append(":3_32_2_67108864").toString();
    }
}
