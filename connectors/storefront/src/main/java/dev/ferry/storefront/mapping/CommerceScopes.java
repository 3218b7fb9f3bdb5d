package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.xdm.CommerceScope;
import dev.ferry.core.xdm.Xdm;

/** {@code commerce.commerceScope} from the storefront instance context, as the collector builds it on every commerce event. */
public final class CommerceScopes {

    private CommerceScopes() {
    }

    public static void set(ObjectNode xdm, ObjectNode eventInfo) {
        JsonNode instance = eventInfo.path(Contexts.STOREFRONT_INSTANCE);
        CommerceScope scope = new CommerceScope(text(instance.path("environmentId")), text(instance.path("websiteCode")),
                text(instance.path("storeCode")), text(instance.path("storeViewCode")));
        Js.object(xdm, "commerce", "commerce").set("commerceScope", Xdm.JSON.valueToTree(scope));
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
