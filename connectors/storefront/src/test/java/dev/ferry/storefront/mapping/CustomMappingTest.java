package dev.ferry.storefront.mapping;

import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomMappingTest {

    @Test
    void aCustomEventSendsTheCustomContextAsItsXdm() {
        XdmEvent event = map("commerce-custom", eventInfo("storefrontInstanceContext", STOREFRONT, "customContext", """
                {"eventType": "commerce.saveForLaters", "commerce": {"saveForLaters": {"value": 1}},
                 "productListItems": [{"SKU": "24-MB01", "quantity": 1}]}"""));

        assertThat(event.eventType()).isEqualTo("commerce.saveForLaters");
        assertThat(event.get("commerce").toString()).isEqualTo("{\"saveForLaters\":{\"value\":1}}");
        assertThat(event.get("productListItems").toString()).isEqualTo("[{\"SKU\":\"24-MB01\",\"quantity\":1}]");
    }

    @Test
    void aCustomEventWithoutACustomContextCannotBeMapped() {
        assertThatThrownBy(() -> map("commerce-custom", eventInfo("storefrontInstanceContext", STOREFRONT)))
                .isInstanceOf(MappingException.class).hasMessage("'commerce-custom' needs customContext");
        assertThatThrownBy(() -> map("commerce-custom", eventInfo("customContext", "{}")))
                .isInstanceOf(MappingException.class).hasMessage("customContext is empty");
    }
}
