package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places an order as Magento's checkout writes it: state "new", status "pending", the order, one billing and one
 * shipping address, one item per simple product and a parent and a child item per configurable one, and the
 * payment. Amounts are computed in the website's base currency and converted to the currency the shopper pays in.
 */
final class Checkout {

    private Checkout() {
    }

    static SalesOrder place(OrderDraft draft, Keys keys, LocalDateTime at) {
        StoreView store = draft.store();
        long orderId = keys.nextId(CommerceTable.SALES_ORDER);
        BigDecimal taxPercent = TaxRates.percentFor(draft.address());
        BigDecimal discountPercent = draft.coupon() == null ? BigDecimal.ZERO : draft.coupon().percent();
        String appliedRuleIds = draft.coupon() == null ? null : String.valueOf(draft.coupon().ruleId());

        Totals totals = new Totals();
        List<Row> items = new ArrayList<>();
        for (OrderDraft.Line line : draft.lines()) {
            Product product = line.product();
            BigDecimal qty = BigDecimal.valueOf(line.qty());
            BigDecimal basePrice = product.price();
            BigDecimal price = Money.cents(basePrice.multiply(store.baseToOrderRate()));
            BigDecimal rowTotal = Money.cents(price.multiply(qty));
            BigDecimal baseRowTotal = Money.cents(basePrice.multiply(qty));
            BigDecimal discount = Money.percent(rowTotal, discountPercent);
            BigDecimal baseDiscount = Money.percent(baseRowTotal, discountPercent);
            BigDecimal tax = Money.percent(rowTotal.subtract(discount), taxPercent);
            BigDecimal baseTax = Money.percent(baseRowTotal.subtract(baseDiscount), taxPercent);
            totals.add(rowTotal, baseRowTotal, discount, baseDiscount, tax, baseTax, qty,
                    product.weight().multiply(qty));

            Product sold = product.isVariant() ? product.parent() : product;
            Row item = Row.create(CommerceTable.SALES_ORDER_ITEM, keys.nextId(CommerceTable.SALES_ORDER_ITEM));
            itemBasics(item, orderId, store, at, sold.id(), sold.typeId(), product.sku(), sold.name(), product, qty)
                    .set("product_options", ProductOptions.ofPricedItem(product, line.qty()))
                    .set("applied_rule_ids", discount.signum() > 0 ? appliedRuleIds : null)
                    .set("price", price)
                    .set("base_price", basePrice)
                    .set("original_price", price)
                    .set("base_original_price", basePrice)
                    .set("tax_percent", taxPercent)
                    .set("tax_amount", tax)
                    .set("base_tax_amount", baseTax)
                    .set("discount_percent", discountPercent)
                    .set("discount_amount", discount)
                    .set("base_discount_amount", baseDiscount)
                    .set("row_total", rowTotal)
                    .set("base_row_total", baseRowTotal)
                    .set("price_incl_tax", price.add(Money.percent(price, taxPercent)))
                    .set("base_price_incl_tax", basePrice.add(Money.percent(basePrice, taxPercent)))
                    .set("row_total_incl_tax", rowTotal.add(Money.percent(rowTotal, taxPercent)))
                    .set("base_row_total_incl_tax", baseRowTotal.add(Money.percent(baseRowTotal, taxPercent)));
            items.add(item);
            if (product.isVariant()) {
                // The variant's own item carries the quantity but no amounts: the parent item is priced.
                Row child = Row.create(CommerceTable.SALES_ORDER_ITEM, keys.nextId(CommerceTable.SALES_ORDER_ITEM));
                itemBasics(child, orderId, store, at, product.id(), product.typeId(), product.sku(), product.name(),
                        product, qty)
                        .set("parent_item_id", item.id())
                        .set("product_options", ProductOptions.ofVariantItem(product, line.qty()));
                items.add(child);
            }
        }

        ShippingMethod shipping = ShippingMethod.forCart(draft.preferredShipping(),
                totals.baseSubtotal.subtract(totals.baseDiscount));
        BigDecimal baseShipping = shipping.baseAmount(totals.qty);
        BigDecimal shippingAmount = Money.cents(baseShipping.multiply(store.baseToOrderRate()));
        BigDecimal grandTotal = totals.subtotal.subtract(totals.discount).add(shippingAmount).add(totals.tax);
        BigDecimal baseGrandTotal = totals.baseSubtotal.subtract(totals.baseDiscount).add(baseShipping)
                .add(totals.baseTax);

        Row billing = address(keys, orderId, draft, "billing");
        Row shippingAddress = address(keys, orderId, draft, "shipping");
        Row order = Row.create(CommerceTable.SALES_ORDER, orderId)
                .set("increment_id", keys.nextIncrementId(CommerceTable.SALES_ORDER, store.storeId()))
                .set("state", SalesOrder.NEW)
                .set("status", SalesOrder.PENDING)
                .set("protect_code", draft.traces().protectCode())
                .set("shipping_method", shipping.code())
                .set("shipping_description", shipping.description())
                .set("is_virtual", 0)
                .set("store_id", store.storeId())
                .set("store_name", store.orderStoreName())
                .set("remote_ip", draft.traces().remoteIp())
                .set("base_currency_code", store.baseCurrency())
                .set("global_currency_code", Stores.GLOBAL_CURRENCY)
                .set("order_currency_code", store.orderCurrency())
                .set("store_currency_code", store.baseCurrency())
                .set("base_to_global_rate", store.baseToGlobalRate())
                .set("base_to_order_rate", store.baseToOrderRate())
                .set("store_to_base_rate", BigDecimal.ONE)
                .set("store_to_order_rate", store.baseToOrderRate())
                .set("subtotal", totals.subtotal)
                .set("base_subtotal", totals.baseSubtotal)
                .set("subtotal_incl_tax", totals.subtotal.add(totals.tax))
                .set("base_subtotal_incl_tax", totals.baseSubtotal.add(totals.baseTax))
                .set("discount_amount", totals.discount.negate())
                .set("base_discount_amount", totals.baseDiscount.negate())
                .set("tax_amount", totals.tax)
                .set("base_tax_amount", totals.baseTax)
                .set("shipping_amount", shippingAmount)
                .set("base_shipping_amount", baseShipping)
                .set("shipping_incl_tax", shippingAmount)
                .set("base_shipping_incl_tax", baseShipping)
                .set("shipping_tax_amount", BigDecimal.ZERO)
                .set("base_shipping_tax_amount", BigDecimal.ZERO)
                .set("shipping_discount_amount", BigDecimal.ZERO)
                .set("base_shipping_discount_amount", BigDecimal.ZERO)
                .set("discount_tax_compensation_amount", BigDecimal.ZERO)
                .set("base_discount_tax_compensation_amount", BigDecimal.ZERO)
                .set("grand_total", grandTotal)
                .set("base_grand_total", baseGrandTotal)
                .set("total_due", grandTotal)
                .set("base_total_due", baseGrandTotal)
                .set("total_qty_ordered", totals.qty)
                .set("total_item_count", draft.lines().size())
                .set("weight", totals.weight)
                .set("billing_address_id", billing.id())
                .set("shipping_address_id", shippingAddress.id())
                .set("customer_email", draft.email())
                .set("customer_firstname", draft.address().firstname())
                .set("customer_lastname", draft.address().lastname())
                .set("customer_note_notify", 1)
                .set("email_sent", 1)
                .set("send_email", 1)
                .set("created_at", at)
                .set("updated_at", at);
        customer(order, draft);
        if (draft.coupon() != null) {
            order.set("coupon_code", draft.coupon().code())
                    .set("applied_rule_ids", appliedRuleIds)
                    .set("coupon_rule_name", draft.coupon().ruleName())
                    .set("discount_description", draft.coupon().code());
        }
        Row payment = payment(keys, orderId, draft, grandTotal, baseGrandTotal, shippingAmount, baseShipping);
        return new SalesOrder(order, items, payment, billing, shippingAddress, null);
    }

    private static Row itemBasics(Row item, long orderId, StoreView store, LocalDateTime at, long productId,
            String productType, String sku, String name, Product product, BigDecimal qty) {
        return item.set("order_id", orderId)
                .set("store_id", store.storeId())
                .set("created_at", at)
                .set("updated_at", at)
                .set("product_id", productId)
                .set("product_type", productType)
                .set("sku", sku)
                .set("name", name)
                .set("weight", product.weight())
                .set("row_weight", product.weight().multiply(qty))
                .set("is_virtual", 0)
                .set("is_qty_decimal", 0)
                .set("no_discount", 0)
                .set("qty_ordered", qty);
    }

    private static void customer(Row order, OrderDraft draft) {
        Customer customer = draft.customer();
        if (customer == null) {
            order.set("customer_is_guest", 1).set("customer_group_id", 0);
            return;
        }
        order.set("customer_id", customer.id())
                .set("customer_is_guest", 0)
                .set("customer_group_id", customer.groupId())
                .set("customer_dob", customer.dob() == null ? null : customer.dob().atStartOfDay())
                .set("customer_gender", customer.gender());
    }

    private static Row address(Keys keys, long orderId, OrderDraft draft, String type) {
        PostalAddress address = draft.address();
        Customer customer = draft.customer();
        return Row.create(CommerceTable.SALES_ORDER_ADDRESS, keys.nextId(CommerceTable.SALES_ORDER_ADDRESS))
                .set("parent_id", orderId)
                .set("customer_address_id", customer == null ? null : customer.addressId())
                .set("customer_id", customer == null ? null : customer.id())
                .set("address_type", type)
                .set("email", draft.email())
                .set("firstname", address.firstname())
                .set("lastname", address.lastname())
                .set("street", address.street())
                .set("city", address.city())
                .set("region", address.region())
                .set("region_id", address.regionId())
                .set("postcode", address.postcode())
                .set("country_id", address.countryId())
                .set("telephone", address.telephone());
    }

    private static Row payment(Keys keys, long orderId, OrderDraft draft, BigDecimal grandTotal,
            BigDecimal baseGrandTotal, BigDecimal shipping, BigDecimal baseShipping) {
        Row payment = Row.create(CommerceTable.SALES_ORDER_PAYMENT, keys.nextId(CommerceTable.SALES_ORDER_PAYMENT))
                .set("parent_id", orderId)
                .set("method", draft.payment().code())
                .set("amount_ordered", grandTotal)
                .set("base_amount_ordered", baseGrandTotal)
                .set("shipping_amount", shipping)
                .set("base_shipping_amount", baseShipping);
        if (draft.payment() == PaymentMethod.CHECKMO) {
            return payment.set("additional_information", Json.write(Map.of("method_title", "Check / Money order")));
        }
        CheckoutTraces.Card card = draft.traces().card();
        Map<String, Object> gateway = new LinkedHashMap<>();
        gateway.put("cc_type", card.typeName());
        gateway.put("cc_number", "xxxx-" + card.last4());
        gateway.put("processorAuthorizationCode", card.authorizationCode());
        gateway.put("processorResponseCode", "1000");
        gateway.put("processorResponseText", "Approved");
        gateway.put("method_title", "Credit Card");
        return payment.set("cc_type", card.typeCode())
                .set("cc_last_4", card.last4())
                .set("cc_exp_month", String.valueOf(card.expMonth()))
                .set("cc_exp_year", String.valueOf(card.expYear()))
                .set("cc_trans_id", card.transactionId())
                .set("last_trans_id", card.transactionId())
                .set("amount_authorized", grandTotal)
                .set("base_amount_authorized", baseGrandTotal)
                .set("additional_information", Json.write(gateway));
    }

    /** Running sums over the priced items. */
    private static final class Totals {
        private BigDecimal subtotal = BigDecimal.ZERO;
        private BigDecimal baseSubtotal = BigDecimal.ZERO;
        private BigDecimal discount = BigDecimal.ZERO;
        private BigDecimal baseDiscount = BigDecimal.ZERO;
        private BigDecimal tax = BigDecimal.ZERO;
        private BigDecimal baseTax = BigDecimal.ZERO;
        private BigDecimal qty = BigDecimal.ZERO;
        private BigDecimal weight = BigDecimal.ZERO;

        void add(BigDecimal rowTotal, BigDecimal baseRowTotal, BigDecimal rowDiscount, BigDecimal baseRowDiscount,
                BigDecimal rowTax, BigDecimal baseRowTax, BigDecimal rowQty, BigDecimal rowWeight) {
            subtotal = subtotal.add(rowTotal);
            baseSubtotal = baseSubtotal.add(baseRowTotal);
            discount = discount.add(rowDiscount);
            baseDiscount = baseDiscount.add(baseRowDiscount);
            tax = tax.add(rowTax);
            baseTax = baseTax.add(baseRowTax);
            qty = qty.add(rowQty);
            weight = weight.add(rowWeight);
        }
    }
}
