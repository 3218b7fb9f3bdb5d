package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The cart family. {@code add-to-cart}, {@code remove-from-cart} and {@code open-cart} list the changed products
 * ({@code changedProductsContext}); {@code shopping-cart-view} and {@code initiate-checkout} list the whole cart
 * ({@code shoppingCartContext}) and carry the cart's discount as {@code commerce.order.discountAmount}. All carry
 * the cart id as {@code commerce.cart.cartID}.
 */
public final class CartMapping implements EventMapping {

    private final String eventName;
    private final String measure;
    private final boolean wholeCart;

    private CartMapping(String eventName, String measure, boolean wholeCart) {
        this.eventName = eventName;
        this.measure = measure;
        this.wholeCart = wholeCart;
    }

    public static CartMapping addToCart() {
        return new CartMapping("add-to-cart", "productListAdds", false);
    }

    public static CartMapping removeFromCart() {
        return new CartMapping("remove-from-cart", "productListRemovals", false);
    }

    public static CartMapping openCart() {
        return new CartMapping("open-cart", "productListOpens", false);
    }

    public static CartMapping shoppingCartView() {
        return new CartMapping("shopping-cart-view", "productListViews", true);
    }

    public static CartMapping initiateCheckout() {
        return new CartMapping("initiate-checkout", "checkouts", true);
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
        JsonNode cart = eventInfo.path(Contexts.SHOPPING_CART);
        JsonNode storefront = eventInfo.path(Contexts.STOREFRONT_INSTANCE);
        ObjectNode commerce = Js.object(xdm, "commerce", "commerce");
        if (wholeCart) {
            Js.object(commerce, "order", "commerce.order")
                    .set("discountAmount", Js.numberNode(Js.number(Js.or(cart.path("discountAmount"), Js.numberNode(0)))));
        }
        Js.setOr(Js.object(commerce, "cart", "commerce.cart"), "cartID", cart.path("id"));
        String listed = wholeCart ? Contexts.SHOPPING_CART : Contexts.CHANGED_PRODUCTS;
        xdm.set("productListItems", ProductListItems.fromCart(xdm.get("productListItems"), eventInfo.path(listed),
                listed, storefront));
        commerce.set(measure, Js.measure());
        CommerceScopes.set(xdm, eventInfo);
        xdm.put("eventType", eventType());
        return xdm;
    }
}
