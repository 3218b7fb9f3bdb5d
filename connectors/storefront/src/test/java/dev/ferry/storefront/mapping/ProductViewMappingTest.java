package dev.ferry.storefront.mapping;

import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.PRODUCT;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

class ProductViewMappingTest {

    @Test
    void aProductPageViewListsTheProductAtItsSpecialPriceWithTheDiscountFromTheRegularPrice() {
        XdmEvent event = map("product-page-view", eventInfo("storefrontInstanceContext", STOREFRONT,
                "productContext", PRODUCT));

        assertThat(event.eventType()).isEqualTo("commerce.productViews");
        assertThat(event.get("commerce.productViews.value").asInt()).isEqualTo(1);
        assertThat(event.get("productListItems")).hasSize(1);
        assertThat(event.get("productListItems").get(0).toString()).isEqualTo("{\"SKU\":\"24-MB01\","
                + "\"name\":\"Joust Duffle Bag\","
                + "\"productImageUrl\":\"https://shop.example.com/media/catalog/product/m/b/mb01-blue-0.jpg\","
                + "\"priceTotal\":29.99,\"currencyCode\":\"USD\",\"discountAmount\":" + (34 - 29.99) + "}");
    }

    @Test
    void theCommerceScopeNamesTheEnvironmentWebsiteStoreAndStoreView() {
        XdmEvent event = map("product-page-view", eventInfo("storefrontInstanceContext", STOREFRONT,
                "productContext", PRODUCT));

        assertThat(event.get("commerce.commerceScope").toString()).isEqualTo("{\"environmentID\":"
                + "\"09b4bd72-5d3a-4ae2-a0c0-4d8b1e0e9a58\",\"websiteCode\":\"base\","
                + "\"storeCode\":\"main_website_store\",\"storeViewCode\":\"default\"}");
    }

    @Test
    void withoutASpecialPriceTheRegularPriceIsTheTotalAndTheDiscountIsZero() {
        XdmEvent event = map("product-page-view", eventInfo("storefrontInstanceContext", STOREFRONT,
                "productContext", """
                        {"sku": "24-MB02", "name": "Fusion Backpack", "pricing": {"regularPrice": 59}}"""));

        assertThat(event.get("productListItems").get(0).get("priceTotal").asDouble()).isEqualTo(59);
        assertThat(event.get("productListItems").get(0).get("discountAmount").asDouble()).isZero();
        assertThat(event.get("productListItems").get(0).get("currencyCode").asText())
                .as("the store view's currency when the product has none").isEqualTo("USD");
    }

    @Test
    void theCustomContextsFirstItemWinsFieldByField() {
        XdmEvent event = map("product-page-view", eventInfo("storefrontInstanceContext", STOREFRONT,
                "productContext", PRODUCT, "customContext", """
                        {"productListItems": [{"name": "Duffle (custom)", "priceTotal": 30},
                                              {"SKU": "ignored-second-item"}]}"""));

        assertThat(event.get("productListItems")).hasSize(1);
        assertThat(event.get("productListItems").get(0).get("name").asText()).isEqualTo("Duffle (custom)");
        assertThat(event.get("productListItems").get(0).get("priceTotal").asDouble()).isEqualTo(30);
        assertThat(event.get("productListItems").get(0).get("SKU").asText()).isEqualTo("24-MB01");
    }
}
