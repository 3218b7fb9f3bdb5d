package dev.ferry.sample;

/** How a sample order is paid: offline by check or money order, or by card through a Braintree-like gateway. */
public enum PaymentMethod {
    /** Magento's "Check / Money order": the order waits in "pending" until an admin invoices it. */
    CHECKMO("checkmo"),
    /** A card captured when the order is placed, so it is invoiced at once and carries a transaction id. */
    CARD("braintree");

    private final String code;

    PaymentMethod(String code) {
        this.code = code;
    }

    /** The value of sales_order_payment.method. */
    public String code() {
        return code;
    }
}
