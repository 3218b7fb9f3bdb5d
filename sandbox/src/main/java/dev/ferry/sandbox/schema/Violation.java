package dev.ferry.sandbox.schema;

/**
 * One way an XDM event breaks its schema.
 *
 * @param path    JSON path of the offending value, e.g. {@code $.commerce.order.priceTotal}; for a missing or
 *                unknown key it names that key, e.g. {@code $.commerce.giftWrap}
 * @param keyword the JSON Schema keyword that failed, e.g. {@code type}, {@code required}, {@code additionalProperties}
 * @param message a human explanation naming the path
 */
public record Violation(String path, String keyword, String message) {
}
