package dev.ferry.sandbox.segmentation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.web.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audiences the sandbox's Segmentation API lists and its rules evaluate: the settings' audiences (by default
 * four commerce samples) until replaced through {@code PUT /sandbox/audiences}.
 */
public final class AudienceCatalog {

    /**
     * The commerce samples. VIP shoppers, Cart abandoners and Frequent browsers are evaluated by the sandbox's rules on
     * the events it receives; New customers is listed only, its members set by hand.
     */
    public static final List<Audience> SAMPLES = List.of(
            Audience.named("VIP shoppers", "Placed an order of 100 or more in the last 30 days",
                    "xEvent[(commerce.purchases.value > 0 or eventType = \"commerce.backofficeOrderPlaced\") "
                            + "and commerce.order.priceTotal >= 100 and timestamp occurs < 30 days before now].count() > 0")
                    .withRule(AudienceRule.purchaseOfAtLeast(100, Duration.ofDays(30))),
            Audience.named("Cart abandoners", "Added products to the cart in the last hour without purchasing since",
                    "xEvent[commerce.productListAdds.value > 0 and timestamp occurs < 1 hours before now].count() > 0 "
                            + "and not xEvent[commerce.purchases.value > 0 and timestamp occurs < 1 hours before now].count() > 0")
                    .withRule(AudienceRule.cartAddWithoutPurchase(Duration.ofHours(1))),
            Audience.named("New customers", "Placed their first order in the last 30 days",
                    "xEvent[commerce.purchases.value > 0 and timestamp occurs < 30 days before now].count() = 1"),
            Audience.named("Frequent browsers", "Viewed at least 10 products in the last 7 days",
                    "xEvent[commerce.productViews.value > 0 and timestamp occurs < 7 days before now].count() >= 10")
                    .withRule(new AudienceRule(Set.of("commerce.productViews"), null, 10, Duration.ofDays(7), Set.of())));

    private final SandboxSettings settings;
    private final long createdMs;
    private final AtomicReference<List<Audience>> audiences;

    public AudienceCatalog(SandboxSettings settings, long createdMs) {
        this.settings = settings;
        this.createdMs = createdMs;
        this.audiences = new AtomicReference<>(settings.audiences());
    }

    public List<Audience> all() {
        return audiences.get();
    }

    public void replace(List<Audience> replacement) {
        audiences.set(List.copyOf(replacement));
    }

    /** One audience as the Segmentation API's {@code /audiences} endpoint documents it. */
    ObjectNode toJson(Audience audience) {
        ObjectNode json = Json.object()
                .put("id", audience.id())
                .put("audienceId", audience.id())
                .put("name", audience.name())
                .put("description", audience.description())
                .put("namespace", "AEPSegments")
                .put("imsOrgId", settings.imsOrgId());
        json.putObject("sandbox")
                .put("sandboxId", UUID.nameUUIDFromBytes(settings.sandboxName().getBytes(StandardCharsets.UTF_8)).toString())
                .put("sandboxName", settings.sandboxName())
                .put("type", "prod".equals(settings.sandboxName()) ? "production" : "development")
                .put("default", "prod".equals(settings.sandboxName()));
        json.putObject("schema").put("name", "_xdm.context.profile");
        json.putObject("expression").put("type", "PQL").put("format", "pql/text").put("value", audience.pql());
        ObjectNode evaluation = json.putObject("evaluationInfo");
        evaluation.putObject("batch").put("enabled", false);
        evaluation.putObject("continuous").put("enabled", true);
        evaluation.putObject("synchronous").put("enabled", false);
        json.put("isSystem", false)
                .put("type", "SegmentDefinition")
                .put("originName", "REAL_TIME_CUSTOMER_PROFILE")
                .put("lifecycleState", "published")
                .put("creationTime", createdMs)
                .put("updateTime", createdMs)
                .put("createEpoch", createdMs / 1000)
                .put("updateEpoch", createdMs / 1000);
        json.putArray("labels").add("core/C1");
        return json;
    }
}
