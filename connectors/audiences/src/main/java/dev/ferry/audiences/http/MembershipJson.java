package dev.ferry.audiences.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.audiences.lookup.AudienceRef;
import dev.ferry.audiences.lookup.Membership;
import dev.ferry.core.xdm.Xdm;

/** {@code {"audiences": [{"id", "name"}], "header": "<aep-segments-membership value>"}}. */
final class MembershipJson {

    private MembershipJson() {
    }

    static ObjectNode of(Membership membership) {
        ObjectNode body = Xdm.JSON.createObjectNode();
        ArrayNode audiences = body.putArray("audiences");
        for (AudienceRef audience : membership.audiences()) {
            audiences.addObject().put("id", audience.id()).put("name", audience.name());
        }
        body.put("header", membership.headerValue());
        return body;
    }
}
