package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code commerce-custom}: the custom context is the XDM, sent as the page gave it (its own {@code eventType}
 * included). Keys the dataset's schema lacks are the page's to avoid: AEP rejects the event, and the outbox moves it
 * to dead letters with AEP's reason.
 */
public final class CustomMapping implements EventMapping {

    @Override
    public String eventName() {
        return "commerce-custom";
    }

    @Override
    public String eventType() {
        return null;
    }

    @Override
    public List<String> requiredContexts() {
        return List.of(Contexts.CUSTOM);
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        if (xdm.isEmpty()) {
            throw new MappingException("customContext is empty");
        }
        return xdm;
    }
}
