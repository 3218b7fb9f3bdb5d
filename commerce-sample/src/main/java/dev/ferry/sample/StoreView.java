package dev.ferry.sample;

import java.math.BigDecimal;

/**
 * A store view of the sample and what Magento's configuration (which this sample has no table for) would say
 * about it: its website's base currency, the currency its shoppers pay in, and the country they live in.
 */
record StoreView(
        int storeId,
        String code,
        String name,
        int websiteId,
        String websiteName,
        int groupId,
        String groupName,
        String baseCurrency,
        String orderCurrency,
        BigDecimal baseToOrderRate,
        BigDecimal baseToGlobalRate,
        String countryId) {

    /** What sales_order.store_name holds: website, store and store view names, one per line. */
    String orderStoreName() {
        return websiteName + "\n" + groupName + "\n" + name;
    }
}
