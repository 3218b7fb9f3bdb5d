package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.CART;
import static dev.ferry.storefront.AcdlSamples.CHANGED_PRODUCTS;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

class CartMappingTest {

    private static final String HOODIE = "{\"SKU\":\"MH01-XS-Black\",\"name\":\"Chaz Kangeroo Hoodie\",\"quantity\":1,"
            + "\"priceTotal\":52,"
            + "\"productImageUrl\":\"https://shop.example.com/media/catalog/product/m/h/mh01-black_main.jpg\","
            + "\"currencyCode\":\"USD\",\"discountAmount\":0,"
            + "\"selectedOptions\":[{\"attribute\":\"Color\",\"value\":\"Black\"},{\"attribute\":\"Size\",\"value\":\"XS\"}]}";

    private static XdmEvent cartEvent(String name, String... extra) {
        String[] contexts = new String[6 + extra.length];
        System.arraycopy(new String[] {"storefrontInstanceContext", STOREFRONT, "shoppingCartContext", CART,
                "changedProductsContext", CHANGED_PRODUCTS}, 0, contexts, 0, 6);
        System.arraycopy(extra, 0, contexts, 6, extra.length);
        return map(name, eventInfo(contexts));
    }

    @Test
    void addToCartListsTheChangedProductWithItsOptionsAndTheCartId() {
        XdmEvent event = cartEvent("add-to-cart");

        assertThat(event.eventType()).isEqualTo("commerce.productListAdds");
        assertThat(event.get("commerce.productListAdds.value").asInt()).isEqualTo(1);
        assertThat(event.get("commerce.cart.cartID").asText()).isEqualTo("sGfQ3aZkM5u2PmE0qL4xXn8bT1cVdR7w");
        assertThat(event.get("productListItems").toString()).isEqualTo("[" + HOODIE + "]");
        assertThat(event.get("commerce.commerceScope.storeViewCode").asText()).isEqualTo("default");
        assertThat(event.get("commerce.order").isMissingNode()).isTrue();
    }

    @Test
    void removeFromCartListsTheChangedProductAsARemoval() {
        XdmEvent event = cartEvent("remove-from-cart");

        assertThat(event.eventType()).isEqualTo("commerce.productListRemovals");
        assertThat(event.get("commerce.productListRemovals.value").asInt()).isEqualTo(1);
        assertThat(event.get("productListItems").toString()).isEqualTo("[" + HOODIE + "]");
    }

    @Test
    void openCartListsTheChangedProductAsAListOpen() {
        XdmEvent event = cartEvent("open-cart");

        assertThat(event.eventType()).isEqualTo("commerce.productListOpens");
        assertThat(event.get("commerce.productListOpens.value").asInt()).isEqualTo(1);
        assertThat(event.get("productListItems")).hasSize(1);
    }

    @Test
    void aShoppingCartViewListsTheWholeCartWithUnitPriceTimesQuantityAndTheCartsDiscount() {
        XdmEvent event = cartEvent("shopping-cart-view");

        assertThat(event.eventType()).isEqualTo("commerce.productListViews");
        JsonNode items = event.get("productListItems");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("SKU").asText()).isEqualTo("24-MB01");
        assertThat(items.get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(items.get(0).get("priceTotal").asDouble()).isEqualTo(68);
        assertThat(items.get(0).get("selectedOptions")).isEmpty();
        assertThat(items.get(1).toString()).isEqualTo(HOODIE);
        assertThat(event.get("commerce.order.discountAmount").asDouble()).isEqualTo(5);
        assertThat(event.get("commerce.cart.cartID").asText()).isEqualTo("sGfQ3aZkM5u2PmE0qL4xXn8bT1cVdR7w");
    }

    @Test
    void initiateCheckoutListsTheWholeCartAsACheckout() {
        XdmEvent event = cartEvent("initiate-checkout");

        assertThat(event.eventType()).isEqualTo("commerce.checkouts");
        assertThat(event.get("commerce.checkouts.value").asInt()).isEqualTo(1);
        assertThat(event.get("productListItems")).hasSize(2);
        assertThat(event.get("commerce.order.discountAmount").asDouble()).isEqualTo(5);
    }

    @Test
    void aCustomItemWithTheSameSkuKeepsItsValuesAndCustomItemsOfOtherSkusAreNotSent() {
        XdmEvent event = cartEvent("add-to-cart", "customContext", """
                {"commerce": {"cart": {"cartID": "custom-cart"}},
                 "productListItems": [{"SKU": "MH01-XS-Black", "name": "Hoodie (custom)", "priceTotal": 40},
                                      {"SKU": "NOT-IN-CART", "name": "Ghost"}]}""");

        JsonNode items = event.get("productListItems");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("name").asText()).isEqualTo("Hoodie (custom)");
        assertThat(items.get(0).get("priceTotal").asDouble()).isEqualTo(40);
        assertThat(items.get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(event.get("commerce.cart.cartID").asText()).isEqualTo("custom-cart");
    }

    @Test
    void anAddToCartWithoutChangedProductsStillCountsTheAdd() {
        XdmEvent event = map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT));

        assertThat(event.get("commerce.productListAdds.value").asInt()).isEqualTo(1);
        assertThat(event.get("productListItems")).isEmpty();
    }

    @Test
    void aCartItemPricedInItsOwnCurrencyKeepsIt() {
        XdmEvent event = map("add-to-cart", eventInfo("storefrontInstanceContext", STOREFRONT,
                "changedProductsContext", """
                        {"items": [{"id": "1", "quantity": 3, "prices": {"price": {"value": 19.99, "currency": "eur"}},
                                    "product": {"sku": "EUR-1", "name": "Euro thing"}}]}"""));

        JsonNode item = event.get("productListItems").get(0);
        assertThat(item.get("currencyCode").asText()).isEqualTo("EUR");
        assertThat(item.get("priceTotal").asDouble()).as("19.99 x 3 rounded to cents").isEqualTo(59.97);
    }
}
