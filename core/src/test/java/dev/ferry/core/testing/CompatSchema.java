package dev.ferry.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ferry.core.xdm.Xdm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The closed schema AEP would enforce for a Commerce ExperienceEvent dataset, read from
 * {@code ../shared/xdm/compat/} (never copied into the project). Its absence fails the test that needs it.
 */
public final class CompatSchema {

    private static JsonSchema schema;

    private CompatSchema() {
    }

    public static Path path() {
        String shared = System.getProperty("ferry.shared.dir", "../shared");
        Path file = Path.of(shared, "xdm", "compat", "commerce-experienceevent.schema.json");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the compat XDM schema is missing: " + file.toAbsolutePath()
                    + " (tests need ../shared beside the project)");
        }
        return file;
    }

    public static synchronized List<String> errors(JsonNode xdm) {
        if (schema == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(path())) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + path(), e);
            }
        }
        Set<ValidationMessage> messages = schema.validate(xdm);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static List<String> errors(String xdmJson) {
        try {
            return errors(Xdm.JSON.readTree(xdmJson));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + xdmJson, e);
        }
    }
}
