package dev.ferry.sample;

/**
 * Hands out primary keys and Magento increment ids to the rows a business change creates.
 */
interface Keys {

    int SEQUENCE_DIGITS = 9;

    long nextId(CommerceTable table);

    /** The next increment id of an order, invoice, shipment or credit memo in a store view. */
    String nextIncrementId(CommerceTable table, int storeId);

    /**
     * Formats a sales sequence value as Magento's default sequences do: nine digits, prefixed by the store id for
     * every store view but the first ("000000042" in store 1, "2000000042" in store 2).
     */
    static String incrementId(int storeId, long sequence) {
        return incrementPrefix(storeId) + String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    static String incrementPrefix(int storeId) {
        return storeId == 1 ? "" : String.valueOf(storeId);
    }
}
