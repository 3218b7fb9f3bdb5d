package dev.ferry.sandbox.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdmSchemaTest {

    private final XdmSchema schema = XdmSchema.builtIn();

    @Test
    void acceptsStorefrontAndBackOfficeEventsAsFerrySendsThem() {
        assertThat(schema.validate(SampleEvents.productView("e-1")).violations()).isEmpty();
        assertThat(schema.validate(SampleEvents.orderPlaced("e-2")).violations()).isEmpty();
    }

    @Test
    void rejectsAKeyTheSchemaLacksAndNamesItsPath() {
        ValidationResult result = schema.validate(SampleEvents.withUnknownKey("e-1"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.paths()).containsExactly("$.commerce.giftWrap");
        assertThat(result.violations().get(0).keyword()).isEqualTo("additionalProperties");
    }

    @Test
    void rejectsAWrongTypeAndNamesItsPath() {
        ValidationResult result = schema.validate(SampleEvents.withWrongType("e-1"));

        assertThat(result.paths()).containsExactly("$.productListItems[0].priceTotal");
        assertThat(result.messages().get(0)).contains("$.productListItems[0].priceTotal");
    }

    @Test
    void rejectsATimestampThatIsNotRfc3339BecauseFormatsAreAsserted() {
        ObjectNode event = SampleEvents.productView("e-1").put("timestamp", "01/05/2024 10:15");

        assertThat(schema.validate(event).paths()).containsExactly("$.timestamp");
    }

    @Test
    void anEmailAddressIsJudgedAsBeforeWhenTheSameAddressComesAgainOrAnotherComesBetween() {
        String[] addresses = {"ines.durand291@example.com", "ines.durand291@example.com", "not an address",
            "not an address", "ines.durand291@example.com", "jo.example.com"};

        for (String address : addresses) {
            ObjectNode event = SampleEvents.orderPlaced("e-1");
            event.putObject("personalEmail").put("address", address);
            boolean valid = !address.equals("not an address") && !address.equals("jo.example.com");

            assertThat(schema.validate(event).paths()).as(address)
                    .isEqualTo(valid ? java.util.List.of() : java.util.List.of("$.personalEmail.address"));
        }
    }

    @Test
    void reportsAMissingRequiredFieldByItsPath() {
        ObjectNode event = SampleEvents.productView("e-1");
        event.remove("_id");

        ValidationResult result = schema.validate(event);

        assertThat(result.paths()).containsExactly("$._id");
        assertThat(result.missesRequiredField()).isTrue();
    }

    @Test
    void rejectsSomethingThatIsNotAnObject() {
        assertThat(schema.validate(null).isValid()).isFalse();
        assertThat(schema.validate(SampleEvents.productView("x").get("eventType")).paths()).containsExactly("$");
    }

    @Test
    void validatesAgainstASchemaFileInsteadOfTheBuiltInOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("only-id.schema.json");
        Files.writeString(file, """
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "additionalProperties": false, "required": ["_id"], "properties": {"_id": {"type": "string"}}}
                """);
        XdmSchema custom = XdmSchema.fromFile(file);

        assertThat(custom.source()).isEqualTo(file.toString());
        assertThat(custom.validate(SampleEvents.productView("e-1")).paths()).contains("$.timestamp", "$.commerce");
    }
}
