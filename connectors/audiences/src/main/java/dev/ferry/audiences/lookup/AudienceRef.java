package dev.ferry.audiences.lookup;

/** An audience a shopper belongs to, as the lookup answers it; name is null until the catalog knows the id. */
public record AudienceRef(String id, String name) {
}
