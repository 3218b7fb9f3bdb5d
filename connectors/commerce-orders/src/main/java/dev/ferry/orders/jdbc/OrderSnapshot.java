package dev.ferry.orders.jdbc;

import java.util.List;
import java.util.Map;

/**
 * What the mapping needs of one order, as Magento stores it: the sales_order row, its items, addresses
 * (address_type billing/shipping), payments, and the store scope codes (website, store group, store view).
 */
public record OrderSnapshot(Map<String, Object> order, List<Map<String, Object>> items,
                            List<Map<String, Object>> addresses, List<Map<String, Object>> payments,
                            Map<String, Object> scope) {
}
