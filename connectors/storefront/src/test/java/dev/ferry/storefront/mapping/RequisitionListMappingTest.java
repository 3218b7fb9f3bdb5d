package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.ACCOUNT;
import static dev.ferry.storefront.AcdlSamples.CHANGED_PRODUCTS;
import static dev.ferry.storefront.AcdlSamples.REQUISITION_LIST;
import static dev.ferry.storefront.AcdlSamples.REQUISITION_LIST_ITEMS;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

class RequisitionListMappingTest {

    private static XdmEvent list(String name, String... extra) {
        String[] contexts = new String[6 + extra.length];
        System.arraycopy(new String[] {"storefrontInstanceContext", STOREFRONT, "requisitionListContext",
                REQUISITION_LIST, "accountContext", ACCOUNT}, 0, contexts, 0, 6);
        System.arraycopy(extra, 0, contexts, 6, extra.length);
        return map(name, eventInfo(contexts));
    }

    @Test
    void creatingARequisitionListCountsAListOpenNamingTheList() {
        XdmEvent event = list("create-requisition-list");

        assertThat(event.eventType()).isEqualTo("commerce.requisitionListOpens");
        assertThat(event.get("commerce.requisitionListOpens.value").asInt()).isEqualTo(1);
        assertThat(event.get("commerce.requisitionList").toString())
                .isEqualTo("{\"ID\":\"3\",\"name\":\"Office supplies\",\"description\":\"Monthly order\"}");
        assertThat(event.get("personalEmail.address").asText()).isEqualTo("Roni_Cost@Example.com");
        assertThat(event.get("productListItems").isMissingNode()).isTrue();
    }

    @Test
    void deletingARequisitionListCountsAListDelete() {
        XdmEvent event = list("delete-requisition-list");

        assertThat(event.eventType()).isEqualTo("commerce.requisitionListDeletes");
        assertThat(event.get("commerce.requisitionListDeletes.value").asInt()).isEqualTo(1);
        assertThat(event.get("commerce.requisitionList.ID").asText()).isEqualTo("3");
    }

    @Test
    void addingToARequisitionListListsItsItemsWithTheirSelectedOptions() {
        XdmEvent event = list("add-to-requisition-list", "requisitionListItemsContext", REQUISITION_LIST_ITEMS,
                "changedProductsContext", CHANGED_PRODUCTS);

        assertThat(event.eventType()).isEqualTo("commerce.requisitionListAdds");
        JsonNode item = event.get("productListItems").get(0);
        assertThat(event.get("productListItems")).hasSize(1);
        assertThat(item.toString()).isEqualTo("{\"SKU\":\"24-MB01\",\"name\":\"Joust Duffle Bag\",\"quantity\":3,"
                + "\"priceTotal\":103,\"currencyCode\":\"USD\","
                + "\"selectedOptions\":[{\"attribute\":\"Color\",\"value\":\"Blue\"}]}");
    }

    @Test
    void addingToARequisitionListWithoutItsItemsListsTheChangedCartProducts() {
        XdmEvent event = list("add-to-requisition-list", "changedProductsContext", CHANGED_PRODUCTS);

        assertThat(event.get("productListItems").get(0).get("SKU").asText()).isEqualTo("MH01-XS-Black");
    }

    @Test
    void removingFromARequisitionListListsTheRemovedItems() {
        XdmEvent event = list("remove-from-requisition-list", "requisitionListItemsContext", REQUISITION_LIST_ITEMS);

        assertThat(event.eventType()).isEqualTo("commerce.requisitionListRemovals");
        assertThat(event.get("commerce.requisitionListRemovals.value").asInt()).isEqualTo(1);
        assertThat(event.get("productListItems").get(0).get("quantity").asInt()).isEqualTo(3);
    }
}
