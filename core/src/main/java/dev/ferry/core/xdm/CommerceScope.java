package dev.ferry.core.xdm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** commerce.commerceScope: where in the Commerce instance an event happened. */
public record CommerceScope(String environmentID, String websiteCode, String storeCode, String storeViewCode) {

    /** As JSON: the components in order, nulls left out, as Xdm's mapper writes the record. */
    public void writeTo(JsonGenerator out) throws IOException {
        out.writeStartObject();
        XdmNodes.write(out, "environmentID", environmentID);
        XdmNodes.write(out, "websiteCode", websiteCode);
        XdmNodes.write(out, "storeCode", storeCode);
        XdmNodes.write(out, "storeViewCode", storeViewCode);
        out.writeEndObject();
    }

    public ObjectNode toXdm() {
        return XdmNodes.tree(this::writeTo);
    }
}
