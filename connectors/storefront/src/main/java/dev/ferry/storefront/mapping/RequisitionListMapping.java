package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The B2B requisition-list family. {@code create-requisition-list} becomes {@code commerce.requisitionListOpens},
 * {@code delete-requisition-list} {@code commerce.requisitionListDeletes}, {@code add-to-requisition-list}
 * {@code commerce.requisitionListAdds} and {@code remove-from-requisition-list}
 * {@code commerce.requisitionListRemovals}. Each names the list ({@code commerce.requisitionList}: ID, name,
 * description) and the shopper's email; adds and removals list the products: from
 * {@code requisitionListItemsContext} (or, for adds, {@code orderPageContext}, else the changed cart products).
 */
public final class RequisitionListMapping implements EventMapping {

    private enum Products { NONE, ADDED, REMOVED }

    private final String eventName;
    private final String measure;
    private final Products products;

    private RequisitionListMapping(String eventName, String measure, Products products) {
        this.eventName = eventName;
        this.measure = measure;
        this.products = products;
    }

    public static RequisitionListMapping create() {
        return new RequisitionListMapping("create-requisition-list", "requisitionListOpens", Products.NONE);
    }

    public static RequisitionListMapping delete() {
        return new RequisitionListMapping("delete-requisition-list", "requisitionListDeletes", Products.NONE);
    }

    public static RequisitionListMapping add() {
        return new RequisitionListMapping("add-to-requisition-list", "requisitionListAdds", Products.ADDED);
    }

    public static RequisitionListMapping remove() {
        return new RequisitionListMapping("remove-from-requisition-list", "requisitionListRemovals", Products.REMOVED);
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public String eventType() {
        return "commerce." + measure;
    }

    @Override
    public List<String> requiredContexts() {
        return List.of(Contexts.STOREFRONT_INSTANCE);
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        JsonNode list = eventInfo.path(Contexts.REQUISITION_LIST);
        JsonNode storefront = eventInfo.path(Contexts.STOREFRONT_INSTANCE);
        ObjectNode commerce = Js.object(xdm, "commerce", "commerce");
        ObjectNode xdmList = Js.object(commerce, "requisitionList", "commerce.requisitionList");
        JsonNode id = list.path("id");
        Js.setOr(xdmList, "ID", id.isMissingNode() || id.isNull() ? id : Js.NODES.textNode(Js.string(id)));
        Js.setOr(xdmList, "name", list.path("name"));
        Js.setOr(xdmList, "description", list.path("description"));
        JsonNode customItems = xdm.get("productListItems");
        if (products == Products.ADDED) {
            JsonNode items = eventInfo.path(Contexts.REQUISITION_LIST_ITEMS);
            String itemsName = Contexts.REQUISITION_LIST_ITEMS;
            if (!Js.truthy(items)) {
                items = eventInfo.path(Contexts.ORDER_PAGE);
                itemsName = Contexts.ORDER_PAGE;
            }
            xdm.set("productListItems", Js.truthy(items)
                    ? ProductListItems.fromProducts(customItems, items, itemsName, storefront)
                    : ProductListItems.fromCart(customItems, eventInfo.path(Contexts.CHANGED_PRODUCTS),
                            Contexts.CHANGED_PRODUCTS, storefront));
        } else if (products == Products.REMOVED) {
            JsonNode items = eventInfo.path(Contexts.REQUISITION_LIST_ITEMS);
            xdm.set("productListItems", Js.truthy(items)
                    ? ProductListItems.fromProducts(customItems, items, Contexts.REQUISITION_LIST_ITEMS, storefront)
                    : ProductListItems.fromCart(customItems, Js.NODES.missingNode(), Contexts.CHANGED_PRODUCTS,
                            storefront));
        }
        Js.setOr(Js.object(xdm, "personalEmail", "personalEmail"), "address",
                eventInfo.path(Contexts.ACCOUNT).path("emailAddress"));
        commerce.set(measure, Js.measure());
        CommerceScopes.set(xdm, eventInfo);
        xdm.put("eventType", eventType());
        return xdm;
    }
}
