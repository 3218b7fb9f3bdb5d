package dev.ferry.core.xdm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** commerce.commerceScope: where in the Commerce instance an event happened. */
public record CommerceScope(String environmentID, String websiteCode, String storeCode, String storeViewCode) {

    /** As JSON, built directly (the component order, nulls left out), which is several times cheaper than databind. */
    public ObjectNode toXdm() {
        ObjectNode node = Xdm.JSON.createObjectNode();
        XdmNodes.put(node, "environmentID", environmentID);
        XdmNodes.put(node, "websiteCode", websiteCode);
        XdmNodes.put(node, "storeCode", storeCode);
        XdmNodes.put(node, "storeViewCode", storeViewCode);
        return node;
    }
}
