package dev.ferry.core.xdm;

import java.util.List;

/** commerce.order. */
public record Order(String purchaseID, Double priceTotal, Double taxAmount, Double discountAmount, String currencyCode,
                   String orderType, String createdDate, String lastUpdatedDate, String cancelDate,
                   List<Payment> payments, List<Refund> refunds) {

    /** commerce.order.payments[]. */
    public record Payment(String paymentType, Double paymentAmount, String transactionID, String currencyCode) {
    }

    /** commerce.order.refunds[]. */
    public record Refund(String refundPaymentType, String refundReason, Double refundAmount, String transactionID,
                         String currencyCode) {
    }
}
