package dev.ferry.storefront.identity;

/**
 * The shopper's first-party device id (FPID) for one request, and whether the answer must set the cookie that
 * carries it (the request had none: a new id was minted, or the id came in the X-Ferry-Fpid header).
 */
public record ShopperIdentity(String fpid, boolean setCookie) {
}
