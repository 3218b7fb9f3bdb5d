package dev.ferry.sample;

/** A shopper's name and postal address, as both customer and order addresses hold them. */
record PostalAddress(
        String firstname,
        String lastname,
        String street,
        String city,
        String region,
        Integer regionId,
        String postcode,
        String countryId,
        String telephone) {
}
