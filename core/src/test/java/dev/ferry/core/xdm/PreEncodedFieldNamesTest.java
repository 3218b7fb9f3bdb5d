package dev.ferry.core.xdm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PreEncodedFieldNamesTest {

    /** Names that need escaping or more than one UTF-8 byte, and more names than the cache below keeps. */
    private static void writeSample(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("_id", "a");
        out.writeNumberField("priceTotal", 12.5);
        out.writeObjectFieldStart("quote\"and\\slash");
        out.writeBooleanField("naïve-名前", true);
        out.writeEndObject();
        out.writeArrayFieldStart("productListItems");
        out.writeEndArray();
        for (int i = 0; i < 20; i++) {
            out.writeStringField("street" + i, "line " + i);
        }
        out.writeEndObject();
    }

    private static byte[] written(PreEncodedFieldNames names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonGenerator plain = Xdm.JSON.createGenerator(bytes);
        try (JsonGenerator out = names == null ? plain : names.wrap(plain)) {
            writeSample(out);
            writeSample(out);
        }
        return bytes.toByteArray();
    }

    @Test
    void writesTheSameBytesAsThePlainGeneratorWithinAndBeyondTheCachedNames() throws IOException {
        assertThat(written(new PreEncodedFieldNames(10))).isEqualTo(written(null));
        assertThat(written(new PreEncodedFieldNames(PreEncodedFieldNames.DEFAULT_CAPACITY))).isEqualTo(written(null));
    }
}
