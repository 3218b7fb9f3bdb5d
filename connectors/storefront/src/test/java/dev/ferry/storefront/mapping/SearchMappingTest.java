package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.XdmEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.SEARCH_INPUT;
import static dev.ferry.storefront.AcdlSamples.SEARCH_RESULTS;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchMappingTest {

    private static ObjectNode search(String unitId) {
        ObjectNode eventInfo = eventInfo("storefrontInstanceContext", STOREFRONT, "searchInputContext", SEARCH_INPUT,
                "searchResultsContext", SEARCH_RESULTS);
        eventInfo.put("searchUnitId", unitId);
        return eventInfo;
    }

    @Test
    void aSearchRequestCarriesTheQuerySortAndRequestIdOfItsSearchUnit() {
        XdmEvent event = map("search-request-sent", search("livesearch-plp"));

        assertThat(event.eventType()).isEqualTo("searchRequest");
        assertThat(event.get("searchRequest").toString()).isEqualTo("{\"value\":1,\"id\":\"d3a1f6b0-req\"}");
        assertThat(event.get("siteSearch").toString()).isEqualTo(
                "{\"query\":\"duffle bag\",\"sort\":[{\"attribute\":\"price\",\"order\":\"ASC\"}]}");
        assertThat(event.get("siteSearch.refinements").isMissingNode())
                .as("refinements are not in the Commerce ExperienceEvent schema").isTrue();
        assertThat(event.get("commerce.commerceScope.storeCode").asText()).isEqualTo("main_website_store");
    }

    @Test
    void aSearchRequestForAnotherUnitKeepsTheFirstUnitsQueryButNoSortOrRequestId() {
        XdmEvent event = map("search-request-sent", search("popover"));

        assertThat(event.get("siteSearch.query").asText()).isEqualTo("duffle bag");
        assertThat(event.get("siteSearch.sort")).isEmpty();
        assertThat(event.get("searchRequest").toString()).isEqualTo("{\"value\":1}");
    }

    @Test
    void aSearchRequestWithoutSearchInputCannotBeMapped() {
        ObjectNode eventInfo = eventInfo("storefrontInstanceContext", STOREFRONT, "searchInputContext", "{\"units\": []}");

        assertThatThrownBy(() -> map("search-request-sent", eventInfo))
                .isInstanceOf(MappingException.class).hasMessage("searchInputContext has no search unit");
    }

    @Test
    void aSearchResponseCarriesSuggestionsTheNumberOfResultsAndTheProductsFound() {
        XdmEvent event = map("search-response-received", search("livesearch-plp"));

        assertThat(event.eventType()).isEqualTo("searchResponse");
        assertThat(event.get("searchResponse").toString()).isEqualTo("{\"value\":1,\"id\":\"d3a1f6b0-req\"}");
        assertThat(event.get("siteSearch").toString()).isEqualTo(
                "{\"suggestions\":[\"duffle bag black\",\"duffle bags\"],\"numberOfResults\":2}");
        assertThat(event.get("productListItems").toString()).isEqualTo("[{\"SKU\":\"24-MB01\","
                + "\"name\":\"Joust Duffle Bag\",\"productImageUrl\":\"https://shop.example.com/media/mb01.jpg\"},"
                + "{\"SKU\":\"24-MB05\",\"name\":\"Wayfarer Messenger Bag\","
                + "\"productImageUrl\":\"https://shop.example.com/media/mb05.jpg\"}]");
    }

    @Test
    void aSearchResponseWithoutResultsStillCountsTheResponse() {
        XdmEvent event = map("search-response-received", eventInfo("storefrontInstanceContext", STOREFRONT));

        assertThat(event.get("searchResponse").toString()).isEqualTo("{\"value\":1}");
        assertThat(event.get("siteSearch.suggestions")).isEmpty();
        assertThat(event.get("productListItems")).isEmpty();
    }
}
