package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code place-order} to {@code commerce.purchases}. {@code commerce.order} is rebuilt from the order context (of
 * a custom order only {@code purchaseID} and {@code currencyCode} survive, as in the collector): grand total as
 * {@code priceTotal}, tax, discount (the order's, else the cart's), currency of the store view, order type, and
 * one payment per order payment (or one for the grand total). Shipping method and amount, the applied coupon as
 * {@code promotionID}, the shopper's email and the cart's products complete it.
 */
public final class OrderMapping implements EventMapping {

    @Override
    public String eventName() {
        return "place-order";
    }

    @Override
    public String eventType() {
        return "commerce.purchases";
    }

    @Override
    public List<String> requiredContexts() {
        return List.of(Contexts.STOREFRONT_INSTANCE, Contexts.ORDER);
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        JsonNode order = eventInfo.path(Contexts.ORDER);
        JsonNode cart = eventInfo.path(Contexts.SHOPPING_CART);
        JsonNode storefront = eventInfo.path(Contexts.STOREFRONT_INSTANCE);
        JsonNode account = eventInfo.path(Contexts.ACCOUNT);
        if (!Js.truthy(order.path("orderId"))) {
            // The collector would send purchaseID "undefined"; an order without its id is not worth storing.
            throw new MappingException("orderContext.orderId is missing");
        }
        ObjectNode commerce = Js.object(xdm, "commerce", "commerce");
        JsonNode customOrder = commerce.path("order");

        ObjectNode built = Js.NODES.objectNode();
        Js.put(built, "purchaseID", Js.or(customOrder.path("purchaseID"), Js.NODES.textNode(Js.string(order.path("orderId")))));
        Js.put(built, "currencyCode", Js.or(customOrder.path("currencyCode"), storefront.path("storeViewCurrencyCode")));
        built.set("payments", payments(order, storefront));
        built.put("orderType", "instant_purchase".equals(order.path("orderType").asText()) ? "instant_purchase" : "checkout");
        built.set("priceTotal", Js.numberNode(Js.number(Js.or(order.path("grandTotal"), Js.numberNode(0)))));
        built.set("taxAmount", Js.numberNode(Js.number(Js.or(order.path("taxAmount"), Js.numberNode(0)))));
        built.set("discountAmount", Js.numberNode(Js.number(
                Js.or(Js.or(order.path("discountAmount"), cart.path("discountAmount")), Js.numberNode(0)))));
        commerce.set("order", built);

        Js.setOr(commerce, "promotionID", order.path("appliedCouponCode"));
        ObjectNode shipping = Js.object(commerce, "shipping", "commerce.shipping");
        Js.setOr(shipping, "shippingMethod", order.path("shipping").path("shippingMethod"));
        Js.setOr(shipping, "shippingAmount",
                Js.or(Js.numberNode(Js.number(order.path("shipping").path("shippingAmount"))), Js.numberNode(0)));
        Js.setOr(Js.object(xdm, "personalEmail", "personalEmail"), "address", account.path("emailAddress"));
        xdm.set("productListItems", ProductListItems.fromCart(xdm.get("productListItems"), cart,
                Contexts.SHOPPING_CART, storefront));
        commerce.set("purchases", Js.measure());
        CommerceScopes.set(xdm, eventInfo);
        xdm.put("eventType", eventType());
        return xdm;
    }

    private static ArrayNode payments(JsonNode order, JsonNode storefront) {
        ArrayNode payments = Js.NODES.arrayNode();
        JsonNode currency = storefront.path("storeViewCurrencyCode");
        JsonNode listed = order.path("payments");
        if (listed.isArray() && !listed.isEmpty()) {
            for (JsonNode payment : listed) {
                ObjectNode xdm = payments.addObject();
                xdm.set("paymentAmount", Js.numberNode(Js.number(Js.or(payment.path("total"), Js.numberNode(0)))));
                Js.put(xdm, "paymentType", payment.path("paymentMethodCode"));
                xdm.put("transactionID", Js.truthy(payment.path("orderId"))
                        ? Js.string(payment.path("orderId")) : Js.string(order.path("orderId")));
                Js.put(xdm, "currencyCode", currency);
            }
        } else {
            ObjectNode xdm = payments.addObject();
            xdm.set("paymentAmount", Js.numberNode(Js.number(Js.or(order.path("grandTotal"), Js.numberNode(0)))));
            Js.put(xdm, "paymentType", order.path("paymentMethodCode"));
            xdm.put("transactionID", Js.string(order.path("orderId")));
            Js.put(xdm, "currencyCode", currency);
        }
        return payments;
    }
}
