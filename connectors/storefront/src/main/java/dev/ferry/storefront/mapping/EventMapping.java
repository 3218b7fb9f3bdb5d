package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * How one ACDL event becomes the XDM of one ExperienceEvent, as the matching handler of Adobe's storefront event
 * collector builds it: the custom context first, then what the handler fills from the SDK's contexts. Identity,
 * {@code _id} and {@code timestamp} are added by the caller.
 */
public interface EventMapping {

    /** The ACDL event name the SDK publishes, e.g. {@code add-to-cart}. */
    String eventName();

    /** The XDM {@code eventType} of the result, e.g. {@code commerce.productListAdds}. */
    String eventType();

    /** Contexts without which Adobe's handler fails and sends nothing; their absence rejects the event. */
    List<String> requiredContexts();

    /** The XDM, from the event's {@code eventInfo} (the ACDL state published with it). */
    ObjectNode map(ObjectNode eventInfo);
}
