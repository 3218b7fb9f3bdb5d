package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.acdl.AcdlEvent;
import org.junit.jupiter.api.Test;

import static dev.ferry.storefront.AcdlSamples.PAGE;
import static dev.ferry.storefront.AcdlSamples.STOREFRONT;
import static dev.ferry.storefront.AcdlSamples.eventInfo;
import static dev.ferry.storefront.AcdlSamples.json;
import static dev.ferry.storefront.StorefrontTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

class PageViewMappingTest {

    @Test
    void aPageViewCountsOnePageViewWithThePageTypeAsSiteSectionAndThePageName() {
        XdmEvent event = map("page-view", eventInfo("pageContext", PAGE, "storefrontInstanceContext", STOREFRONT));

        assertThat(event.eventType()).isEqualTo("web.webpagedetails.pageViews");
        assertThat(event.get("web.webPageDetails").toString()).isEqualTo(
                "{\"pageViews\":{\"value\":1},\"siteSection\":\"PDP\",\"name\":\"Joust Duffle Bag\"}");
        assertThat(event.get("commerce").isMissingNode()).as("a page view carries no commerce scope").isTrue();
    }

    @Test
    void thePageUrlAndReferrerComeFromTheBrowserContextTheSnippetSends() {
        ObjectNode context = json("""
                {"url": "https://shop.example.com/joust-duffle-bag.html", "referrer": "https://www.google.com/"}""");
        XdmEvent event = map(true, new AcdlEvent(0, "page-view", eventInfo("pageContext", PAGE), null, context, false));

        assertThat(event.get("web.webPageDetails.URL").asText()).isEqualTo("https://shop.example.com/joust-duffle-bag.html");
        assertThat(event.get("web.webReferrer.URL").asText()).isEqualTo("https://www.google.com/");
    }

    @Test
    void aCustomContextKeepsItsOwnPageNameButNeverItsOwnPageViewCount() {
        XdmEvent event = map("page-view", eventInfo("pageContext", PAGE, "customContext", """
                {"web": {"webPageDetails": {"name": "Bag detail", "pageViews": {"value": 7}}}}"""));

        assertThat(event.get("web.webPageDetails.name").asText()).isEqualTo("Bag detail");
        assertThat(event.get("web.webPageDetails.siteSection").asText()).isEqualTo("PDP");
        assertThat(event.get("web.webPageDetails.pageViews.value").asInt()).isEqualTo(1);
    }

    @Test
    void aPageViewNeedsNoContextAtAll() {
        XdmEvent event = map("page-view", eventInfo());

        assertThat(event.get("web.webPageDetails.pageViews.value").asInt()).isEqualTo(1);
    }
}
