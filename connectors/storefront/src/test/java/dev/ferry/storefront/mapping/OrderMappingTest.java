package dev.ferry.storefront.mapping;

import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.ACCOUNT;
import static dev.ferry.storefront.AcdlSamples.CART;
import static dev.ferry.storefront.AcdlSamples.ORDER;
import static dev.ferry.storefront.AcdlSamples.SHOPPER;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderMappingTest {

    private static XdmEvent placeOrder(String order, String... extra) {
        String[] contexts = new String[10 + extra.length];
        System.arraycopy(new String[] {"storefrontInstanceContext", STOREFRONT, "shoppingCartContext", CART,
                "orderContext", order, "accountContext", ACCOUNT, "shopperContext", SHOPPER}, 0, contexts, 0, 10);
        System.arraycopy(extra, 0, contexts, 10, extra.length);
        return map("place-order", eventInfo(contexts));
    }

    @Test
    void aPlacedOrderBecomesAPurchaseWithTheOrderTotalsPaymentsShippingCouponAndCart() {
        XdmEvent event = placeOrder(ORDER);

        assertThat(event.eventType()).isEqualTo("commerce.purchases");
        assertThat(event.get("commerce.purchases.value").asInt()).isEqualTo(1);
        assertThat(event.get("commerce.order").toString()).isEqualTo("{\"purchaseID\":\"000000123\","
                + "\"currencyCode\":\"USD\",\"payments\":[{\"paymentAmount\":125,\"paymentType\":\"checkmo\","
                + "\"transactionID\":\"000000123\",\"currencyCode\":\"USD\"}],\"orderType\":\"checkout\","
                + "\"priceTotal\":125,\"taxAmount\":8.25,\"discountAmount\":5}");
        assertThat(event.get("commerce.promotionID").asText()).isEqualTo("SUMMER5");
        assertThat(event.get("commerce.shipping").toString())
                .isEqualTo("{\"shippingMethod\":\"flatrate_flatrate\",\"shippingAmount\":10}");
        assertThat(event.get("productListItems")).hasSize(2);
        assertThat(event.get("personalEmail.address").asText()).isEqualTo("Roni_Cost@Example.com");
    }

    @Test
    void anOrderWithoutPaymentsGetsOnePaymentOfTheGrandTotalInItsPaymentMethod() {
        XdmEvent event = placeOrder("""
                {"orderId": 124, "grandTotal": "99.5", "paymentMethodCode": "free", "orderType": "instant_purchase"}""");

        assertThat(event.get("commerce.order.payments").toString()).isEqualTo("[{\"paymentAmount\":99.5,"
                + "\"paymentType\":\"free\",\"transactionID\":\"124\",\"currencyCode\":\"USD\"}]");
        assertThat(event.get("commerce.order.orderType").asText()).isEqualTo("instant_purchase");
        assertThat(event.get("commerce.order.purchaseID").asText()).isEqualTo("124");
        assertThat(event.get("commerce.order.taxAmount").asDouble()).isZero();
        assertThat(event.get("commerce.order.discountAmount").asDouble())
                .as("the cart's discount when the order has none").isEqualTo(5);
        assertThat(event.get("commerce.shipping.shippingAmount").asDouble()).isZero();
    }

    @Test
    void ofACustomOrderOnlyThePurchaseIdAndCurrencySurviveAsInTheCollector() {
        XdmEvent event = placeOrder(ORDER, "customContext", """
                {"commerce": {"order": {"purchaseID": "WEB-123", "currencyCode": "EUR", "priceTotal": 1,
                                        "payments": [{"paymentType": "gift_card", "paymentAmount": 1}]},
                              "promotionID": "CUSTOM-PROMO"}}""");

        assertThat(event.get("commerce.order.purchaseID").asText()).isEqualTo("WEB-123");
        assertThat(event.get("commerce.order.currencyCode").asText()).isEqualTo("EUR");
        assertThat(event.get("commerce.order.priceTotal").asDouble()).isEqualTo(125);
        assertThat(event.get("commerce.order.payments").get(0).get("paymentType").asText()).isEqualTo("checkmo");
        assertThat(event.get("commerce.promotionID").asText()).isEqualTo("CUSTOM-PROMO");
    }

    @Test
    void anOrderWithoutItsIdIsRejectedRatherThanSentAsPurchaseUndefined() {
        assertThatThrownBy(() -> placeOrder("{\"grandTotal\": 10}"))
                .isInstanceOf(MappingException.class)
                .hasMessage("orderContext.orderId is missing");
    }
}
