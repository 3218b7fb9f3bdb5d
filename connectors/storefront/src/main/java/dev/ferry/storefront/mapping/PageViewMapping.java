package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code page-view} to {@code web.webpagedetails.pageViews}: the page type becomes the site section and the page
 * name the page name. The collector reads the page's URL and referrer from {@code window.document}; here they come
 * with the event's browser context (see {@link BrowserContext}). A page view carries no commerce scope.
 */
public final class PageViewMapping implements EventMapping {

    @Override
    public String eventName() {
        return "page-view";
    }

    @Override
    public String eventType() {
        return "web.webpagedetails.pageViews";
    }

    @Override
    public List<String> requiredContexts() {
        return List.of();
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        JsonNode page = eventInfo.path(Contexts.PAGE);
        ObjectNode details = Js.object(Js.object(xdm, "web", "web"), "webPageDetails", "web.webPageDetails");
        details.set("pageViews", Js.measure());
        Js.setOr(details, "siteSection", page.path("pageType"));
        Js.setOr(details, "name", page.path("pageName"));
        xdm.put("eventType", eventType());
        return xdm;
    }
}
