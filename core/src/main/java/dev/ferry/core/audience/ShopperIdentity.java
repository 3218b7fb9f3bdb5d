package dev.ferry.core.audience;

/**
 * One identity of a shopper in an AEP identity namespace (ECID, FPID, Email_LC_SHA256, a Commerce customer-id
 * namespace): what a membership lookup asks AEP about when Ferry has not stored the shopper's audiences yet. The
 * producer that answers (Edge {@code activation:pull}) replies with the realized audience ids as a
 * {@code List<String>}.
 */
public record ShopperIdentity(String namespace, String id) {
}
