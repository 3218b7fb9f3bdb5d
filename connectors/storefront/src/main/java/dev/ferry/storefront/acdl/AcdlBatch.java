package dev.ferry.storefront.acdl;

import java.util.List;

/**
 * A parsed request: its entries in order, each an event or the reason that element is not one.
 */
public record AcdlBatch(List<Entry> entries) {

    /** One element of the request: an event, or why it was rejected before mapping. */
    public record Entry(int index, AcdlEvent event, String error) {

        public static Entry of(AcdlEvent event) {
            return new Entry(event.index(), event, null);
        }

        public static Entry rejected(int index, String error) {
            return new Entry(index, null, error);
        }

        public boolean isRejected() {
            return error != null;
        }
    }
}
