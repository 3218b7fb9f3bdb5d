package dev.ferry.core.sales;

import java.util.Arrays;
import java.util.Locale;

/** The business changes the connector turns into events, with the XDM eventType of each. */
public enum OrderChangeKind {
    PLACED("placed", "commerce.backofficeOrderPlaced"),
    INVOICED("invoiced", "commerce.backofficeOrderInvoiced"),
    SHIPPED("shipped", "commerce.backofficeOrderItemsShipped"),
    CREDIT_MEMO("creditmemo", "commerce.backofficeCreditMemoIssued"),
    CANCELLED("cancelled", "commerce.backofficeOrderCancelled"),
    COMPLETED("completed", "commerce.backofficeOrderShipmentCompleted");

    private final String code;
    private final String eventType;

    OrderChangeKind(String code, String eventType) {
        this.code = code;
        this.eventType = eventType;
    }

    /** The short name used in the {@code events} option and in the deterministic _id. */
    public String code() {
        return code;
    }

    public String eventType() {
        return eventType;
    }

    public static OrderChangeKind byCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order event '" + code + "'; known: "
                        + Arrays.stream(values()).map(OrderChangeKind::code).toList()));
    }
}
