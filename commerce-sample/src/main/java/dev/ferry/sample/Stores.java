package dev.ferry.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The sample's websites and store views. Website "base" (US dollars) has store views "default" (paying in
 * dollars) and "fr" (paying in euros, converted from dollars); the optional second website "eu" (euros) has "de",
 * so scope tests have a customer base and a currency that no other website shares.
 */
final class Stores {

    static final String GLOBAL_CURRENCY = "USD";

    private static final StoreView DEFAULT = new StoreView(1, "default", "Default Store View", 1, "Main Website",
            1, "Main Website Store", "USD", "USD", BigDecimal.ONE, BigDecimal.ONE, "US");
    private static final StoreView FRENCH = new StoreView(2, "fr", "French Store View", 1, "Main Website",
            1, "Main Website Store", "USD", "EUR", new BigDecimal("0.9200"), BigDecimal.ONE, "FR");
    private static final StoreView GERMAN = new StoreView(3, "de", "German Store View", 2, "EU Website",
            2, "EU Store", "EUR", "EUR", BigDecimal.ONE, new BigDecimal("1.0870"), "DE");

    private final List<StoreView> views;

    private Stores(List<StoreView> views) {
        this.views = views;
    }

    /** One website ("base") or two ("base" and "eu"). */
    static Stores forWebsites(int websites) {
        if (websites < 1 || websites > 2) {
            throw new IllegalArgumentException("The sample has 1 or 2 websites, not " + websites);
        }
        return new Stores(websites == 1 ? List.of(DEFAULT, FRENCH) : List.of(DEFAULT, FRENCH, GERMAN));
    }

    /** Every store view the sample can have, for live changes made in a database seeded earlier. */
    static Stores all() {
        return forWebsites(2);
    }

    List<StoreView> views() {
        return views;
    }

    Optional<StoreView> byCode(String code) {
        return views.stream().filter(view -> view.code().equals(code)).findFirst();
    }

    Optional<StoreView> byId(long storeId) {
        return views.stream().filter(view -> view.storeId() == storeId).findFirst();
    }

    /**
     * A store view drawn the way the sample's shoppers spread: 55 parts "default", 25 "fr", 20 "de" (when the
     * second website exists).
     */
    StoreView pick(SplittableRandom random) {
        int total = views.stream().mapToInt(Stores::weight).sum();
        int draw = random.nextInt(total);
        for (StoreView view : views) {
            draw -= weight(view);
            if (draw < 0) {
                return view;
            }
        }
        throw new IllegalStateException("Weights do not add up");
    }

    private static int weight(StoreView view) {
        return switch (view.code()) {
            case "default" -> 55;
            case "fr" -> 25;
            default -> 20;
        };
    }

    int websiteCount() {
        return (int) views.stream().mapToInt(StoreView::websiteId).distinct().count();
    }

    /** The rows of store_website, store_group and store, with Magento's admin scope 0 first. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(website(0, "admin", "Admin", 0, false));
        rows.add(group(0, 0, "Default", 0, 0, "default"));
        rows.add(store(0, "admin", 0, 0, "Admin", 0));
        rows.add(website(1, "base", "Main Website", 1, true));
        rows.add(group(1, 1, "Main Website Store", 2, 1, "main_website_store"));
        if (websiteCount() == 2) {
            rows.add(website(2, "eu", "EU Website", 2, false));
            rows.add(group(2, 2, "EU Store", 2, 3, "eu_store"));
        }
        int sortOrder = 0;
        for (StoreView view : views) {
            rows.add(store(view.storeId(), view.code(), view.websiteId(), view.groupId(), view.name(), sortOrder++));
        }
        return rows;
    }

    private static Row website(int id, String code, String name, int defaultGroupId, boolean isDefault) {
        return Row.create(CommerceTable.STORE_WEBSITE, id)
                .set("code", code)
                .set("name", name)
                .set("sort_order", 0)
                .set("default_group_id", defaultGroupId)
                .set("is_default", isDefault ? 1 : 0);
    }

    private static Row group(int id, int websiteId, String name, int rootCategoryId, int defaultStoreId, String code) {
        return Row.create(CommerceTable.STORE_GROUP, id)
                .set("website_id", websiteId)
                .set("name", name)
                .set("root_category_id", rootCategoryId)
                .set("default_store_id", defaultStoreId)
                .set("code", code);
    }

    private static Row store(int id, String code, int websiteId, int groupId, String name, int sortOrder) {
        return Row.create(CommerceTable.STORE, id)
                .set("code", code)
                .set("website_id", websiteId)
                .set("group_id", groupId)
                .set("name", name)
                .set("sort_order", sortOrder)
                .set("is_active", 1);
    }
}
