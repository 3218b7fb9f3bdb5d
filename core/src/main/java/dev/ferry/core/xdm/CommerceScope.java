package dev.ferry.core.xdm;

/** commerce.commerceScope: where in the Commerce instance an event happened. */
public record CommerceScope(String environmentID, String websiteCode, String storeCode, String storeViewCode) {
}
