package dev.ferry.sample;

/**
 * The Commerce tables of {@code magento-schema.sql}, in the order the script creates them, so that parents are
 * always written before the rows that reference them.
 */
enum CommerceTable {
    STORE_WEBSITE("website_id"),
    STORE_GROUP("group_id"),
    STORE("store_id"),
    CUSTOMER_ENTITY("entity_id"),
    CUSTOMER_ADDRESS_ENTITY("entity_id"),
    CATALOG_PRODUCT_ENTITY("entity_id"),
    SALES_ORDER("entity_id"),
    SALES_ORDER_ADDRESS("entity_id"),
    SALES_ORDER_STATUS_HISTORY("entity_id"),
    SALES_ORDER_ITEM("item_id"),
    SALES_ORDER_PAYMENT("entity_id"),
    SALES_INVOICE("entity_id"),
    SALES_INVOICE_ITEM("entity_id"),
    SALES_SHIPMENT("entity_id"),
    SALES_SHIPMENT_ITEM("entity_id"),
    SALES_SHIPMENT_TRACK("entity_id"),
    SALES_CREDITMEMO("entity_id"),
    SALES_CREDITMEMO_ITEM("entity_id");

    private final String idColumn;

    CommerceTable(String idColumn) {
        this.idColumn = idColumn;
    }

    String tableName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String idColumn() {
        return idColumn;
    }
}
