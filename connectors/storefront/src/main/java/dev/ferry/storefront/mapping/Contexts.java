package dev.ferry.storefront.mapping;

/** The ACDL context names of Adobe's storefront events SDK that the mapping reads. */
public final class Contexts {

    public static final String ACCOUNT = "accountContext";
    public static final String AEP = "aepContext";
    public static final String CHANGED_PRODUCTS = "changedProductsContext";
    public static final String CHANNEL = "channelContext";
    public static final String CUSTOM = "customContext";
    public static final String DEBUG = "debugContext";
    public static final String ORDER = "orderContext";
    public static final String ORDER_PAGE = "orderPageContext";
    public static final String PAGE = "pageContext";
    public static final String PRODUCT = "productContext";
    public static final String REQUISITION_LIST = "requisitionListContext";
    public static final String REQUISITION_LIST_ITEMS = "requisitionListItemsContext";
    public static final String SEARCH_INPUT = "searchInputContext";
    public static final String SEARCH_RESULTS = "searchResultsContext";
    public static final String SHOPPER = "shopperContext";
    public static final String SHOPPING_CART = "shoppingCartContext";
    public static final String STOREFRONT_INSTANCE = "storefrontInstanceContext";

    private Contexts() {
    }
}
