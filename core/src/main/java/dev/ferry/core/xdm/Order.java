package dev.ferry.core.xdm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/** commerce.order. */
public record Order(String purchaseID, Double priceTotal, Double taxAmount, Double discountAmount, String currencyCode,
                   String orderType, String createdDate, String lastUpdatedDate, String cancelDate,
                   List<Payment> payments, List<Refund> refunds) {

    /** As JSON: the components in order, nulls left out, as Xdm's mapper writes the record. */
    public void writeTo(JsonGenerator out) throws IOException {
        out.writeStartObject();
        XdmNodes.write(out, "purchaseID", purchaseID);
        XdmNodes.write(out, "priceTotal", priceTotal);
        XdmNodes.write(out, "taxAmount", taxAmount);
        XdmNodes.write(out, "discountAmount", discountAmount);
        XdmNodes.write(out, "currencyCode", currencyCode);
        XdmNodes.write(out, "orderType", orderType);
        XdmNodes.write(out, "createdDate", createdDate);
        XdmNodes.write(out, "lastUpdatedDate", lastUpdatedDate);
        XdmNodes.write(out, "cancelDate", cancelDate);
        if (payments != null) {
            out.writeArrayFieldStart("payments");
            for (Payment payment : payments) {
                payment.writeTo(out);
            }
            out.writeEndArray();
        }
        if (refunds != null) {
            out.writeArrayFieldStart("refunds");
            for (Refund refund : refunds) {
                refund.writeTo(out);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    public ObjectNode toXdm() {
        return XdmNodes.tree(this::writeTo);
    }

    /** commerce.order.payments[]. */
    public record Payment(String paymentType, Double paymentAmount, String transactionID, String currencyCode) {

        public void writeTo(JsonGenerator out) throws IOException {
            out.writeStartObject();
            XdmNodes.write(out, "paymentType", paymentType);
            XdmNodes.write(out, "paymentAmount", paymentAmount);
            XdmNodes.write(out, "transactionID", transactionID);
            XdmNodes.write(out, "currencyCode", currencyCode);
            out.writeEndObject();
        }
    }

    /** commerce.order.refunds[]. */
    public record Refund(String refundPaymentType, String refundReason, Double refundAmount, String transactionID,
                         String currencyCode) {

        public void writeTo(JsonGenerator out) throws IOException {
            out.writeStartObject();
            XdmNodes.write(out, "refundPaymentType", refundPaymentType);
            XdmNodes.write(out, "refundReason", refundReason);
            XdmNodes.write(out, "refundAmount", refundAmount);
            XdmNodes.write(out, "transactionID", transactionID);
            XdmNodes.write(out, "currencyCode", currencyCode);
            out.writeEndObject();
        }
    }
}
