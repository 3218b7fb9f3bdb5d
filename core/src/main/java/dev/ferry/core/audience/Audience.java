package dev.ferry.core.audience;

/**
 * One audience as AEP's Segmentation API lists it ({@code GET /data/core/ups/audiences}): what the catalog poller
 * hands to the store that names audiences in Commerce.
 */
public record Audience(String id, String name, String description, String state) {
}
