package dev.ferry.sample;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed sample catalog: twelve simple products and three configurable ones, each sold in three colors by
 * three sizes. Prices are in the base currency of the website that sells them.
 */
final class Catalog {

    /** Magento's "Default" attribute set. */
    private static final int DEFAULT_ATTRIBUTE_SET = 4;
    private static final int COLOR = 93;
    private static final int SIZE = 144;

    private static final Catalog SAMPLE = build();

    private final List<Product> products;
    private final List<Product> standaloneSimples;
    private final List<Product> variants;

    private Catalog(List<Product> products) {
        this.products = products;
        this.standaloneSimples = products.stream().filter(p -> p.typeId().equals("simple") && !p.isVariant()).toList();
        this.variants = products.stream().filter(Product::isVariant).toList();
    }

    static Catalog sample() {
        return SAMPLE;
    }

    List<Product> products() {
        return products;
    }

    /** Simple products sold on their own. */
    List<Product> standaloneSimples() {
        return standaloneSimples;
    }

    /** Simple products sold as a choice of a configurable one. */
    List<Product> variants() {
        return variants;
    }

    Optional<Product> bySku(String sku) {
        return products.stream().filter(p -> p.sku().equals(sku)).findFirst();
    }

    /** The rows of catalog_product_entity, all created at the same moment before any order. */
    List<Row> rows(LocalDateTime createdAt) {
        return products.stream()
                .map(product -> Row.create(CommerceTable.CATALOG_PRODUCT_ENTITY, product.id())
                        .set("attribute_set_id", DEFAULT_ATTRIBUTE_SET)
                        .set("type_id", product.typeId())
                        .set("sku", product.sku())
                        .set("has_options", product.typeId().equals("configurable") ? 1 : 0)
                        .set("required_options", product.typeId().equals("configurable") ? 1 : 0)
                        .set("created_at", createdAt)
                        .set("updated_at", createdAt))
                .toList();
    }

    private static Catalog build() {
        List<Product> products = new ArrayList<>();
        simple(products, "FY-BTL-01", "Summit Steel Water Bottle", "24.00", "0.40");
        simple(products, "FY-YOG-01", "Cork Yoga Block", "18.00", "0.50");
        simple(products, "FY-MAT-01", "Trailhead Yoga Mat", "68.00", "1.80");
        simple(products, "FY-BAG-01", "Harbor Duffle Bag", "89.00", "1.20");
        simple(products, "FY-BAG-02", "Commuter Backpack", "120.00", "1.10");
        simple(products, "FY-CAP-01", "Riverside Cap", "22.00", "0.15");
        simple(products, "FY-SOC-01", "Merino Trail Socks", "16.00", "0.10");
        simple(products, "FY-BND-01", "Resistance Band Set", "29.00", "0.60");
        simple(products, "FY-ROL-01", "Foam Roller", "35.00", "0.90");
        simple(products, "FY-WCH-01", "Pulse Fitness Watch", "199.00", "0.20");
        simple(products, "FY-GLV-01", "Grip Training Gloves", "27.00", "0.20");
        simple(products, "FY-TWL-01", "Quick-Dry Towel", "19.00", "0.30");
        configurable(products, "FY-TEE", "Aurora Running Tee", "32.00", "0.20");
        configurable(products, "FY-JKT", "Breaker Rain Jacket", "129.00", "0.70");
        configurable(products, "FY-HOD", "Canyon Fleece Hoodie", "74.00", "0.60");
        return new Catalog(List.copyOf(products));
    }

    private static void simple(List<Product> products, String sku, String name, String price, String weight) {
        products.add(new Product(products.size() + 1, "simple", sku, name, new BigDecimal(price),
                new BigDecimal(weight), null, null, null));
    }

    private static void configurable(List<Product> products, String sku, String name, String price, String weight) {
        Product parent = new Product(products.size() + 1, "configurable", sku, name, new BigDecimal(price),
                new BigDecimal(weight), null, null, null);
        products.add(parent);
        List<Product.Option> colors = List.of(new Product.Option(COLOR, "Color", 49, "Black"),
                new Product.Option(COLOR, "Color", 50, "Blue"), new Product.Option(COLOR, "Color", 58, "Red"));
        List<Product.Option> sizes = List.of(new Product.Option(SIZE, "Size", 167, "S"),
                new Product.Option(SIZE, "Size", 168, "M"), new Product.Option(SIZE, "Size", 169, "L"));
        for (Product.Option color : colors) {
            for (Product.Option size : sizes) {
                String suffix = "-" + size.label() + "-" + color.label();
                products.add(new Product(products.size() + 1, "simple", sku + suffix, name + suffix, parent.price(),
                        parent.weight(), parent, color, size));
            }
        }
    }
}
