package dev.ferry.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.testing.CompatSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunValidationTest {

    private static final String PLACED = """
            {"_id":"%s","timestamp":"2024-05-01T11:00:00Z","eventType":"commerce.backofficeOrderPlaced",\
            "commerce":{"order":{"purchaseID":"000000042","priceTotal":109.0,"currencyCode":"USD"%s}}}""";

    @TempDir
    Path out;

    @Test
    void anInvalidRecordIsCountedAndNamedByFileAndLine() throws Exception {
        Files.writeString(out.resolve("history-000001.json"), String.join("\n",
                PLACED.formatted("a", ""), PLACED.formatted("b", ",\"giftWrap\":true"), PLACED.formatted("c", "")));

        DryRunValidation.Outcome outcome = DryRunValidation.validate(out, "history", CompatSchema.path());

        assertThat(outcome.records()).isEqualTo(3);
        assertThat(outcome.invalid()).isEqualTo(1);
        assertThat(outcome.examples()).singleElement().asString()
                .startsWith("history-000001.json line 2: ").contains("giftWrap");
    }

    @Test
    void onlyTheExportsOwnFilesAreRead() throws Exception {
        Files.writeString(out.resolve("history-000001.json"), PLACED.formatted("a", ""));
        Files.writeString(out.resolve("history-notes.json"), "not a record");
        Files.writeString(out.resolve("other-000001.json"), PLACED.formatted("b", ",\"giftWrap\":true"));

        DryRunValidation.Outcome outcome = DryRunValidation.validate(out, "history", CompatSchema.path());

        assertThat(outcome.records()).isEqualTo(1);
        assertThat(outcome.invalid()).isZero();
    }
}
