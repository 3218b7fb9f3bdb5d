package dev.ferry.core.xdm;

import dev.ferry.core.identity.Identities;
import dev.ferry.core.testing.CompatSchema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XdmEventTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:15:30.123456Z");

    @Test
    void purchaseBuiltFromTheTypedPartsValidatesAgainstTheClosedCompatSchema() {
        XdmEvent event = XdmEvent.create(EventIds.deterministic("order", "100000001", "placed"), AT, "commerce.purchases")
                .identity(Identities.EMAIL_LC_SHA256, Identities.emailSha256("jane@example.com"), true,
                        AuthenticatedState.AUTHENTICATED)
                .measure("commerce.purchases")
                .order(new Order("100000001", 123.45, 10.0, 5.0, "USD", "checkout", null, null, null,
                        List.of(new Order.Payment("credit_card", 123.45, "txn-1", "USD")), null))
                .commerceScope(new CommerceScope("env-1", "base", "main_website_store", "default"))
                .productListItems(List.of(new ProductListItem("24-MB01", "Joust Duffle Bag", 2, 68.0, "USD", null,
                        null, List.of(new ProductListItem.SelectedOption("Color", "Red")))))
                .set("personalEmail.address", "jane@example.com");

        assertThat(CompatSchema.errors(event.xdm())).isEmpty();
        assertThat(event.toJson()).contains("\"timestamp\":\"2026-11-01T10:15:30.123Z\"");
    }

    @Test
    void unknownKeyIsRejectedByTheClosedCompatSchemaAsAepWould() {
        XdmEvent event = XdmEvent.create("id-1", AT, "commerce.productViews").set("commerce.notAField", 1);

        assertThat(CompatSchema.errors(event.xdm())).anySatisfy(error -> assertThat(error).contains("notAField"));
    }

    @Test
    void deterministicIdsAreStableAndDistinguishTheirParts() {
        assertThat(EventIds.deterministic("order", "1", "invoiced", "7"))
                .isEqualTo(EventIds.deterministic("order", "1", "invoiced", "7"))
                .isNotEqualTo(EventIds.deterministic("order", "1", "invoiced", "8"))
                .isNotEqualTo(EventIds.deterministic("order", "1", "shipped", "7"));
    }

    @Test
    void parsedEventKeepsItsIdAndRefusesJsonWithoutOne() {
        assertThat(XdmEvent.parse("{\"_id\":\"a\",\"eventType\":\"x\"}", "shopper-1").id()).isEqualTo("a");
        assertThatThrownBy(() -> XdmEvent.parse("{\"eventType\":\"x\"}", null))
                .hasMessage("an XDM event needs an _id");
        assertThatThrownBy(() -> XdmEvent.parse("[1]", null)).hasMessage("an XDM event is a JSON object");
    }
}
