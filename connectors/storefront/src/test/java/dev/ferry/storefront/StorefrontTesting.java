package dev.ferry.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.testing.CompatSchema;
import dev.ferry.core.xdm.XdmEvent;
import dev.ferry.storefront.acdl.AcdlEvent;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapping one ACDL event the way the collector does, and checking the result against AEP's closed schema. */
public final class StorefrontTesting {

    public static final String FPID = "4e6f1c7a-9a7b-4c1e-8f3d-2b5a6c7d8e9f";
    public static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

    private StorefrontTesting() {
    }

    public static AcdlEvent event(String name, ObjectNode eventInfo) {
        return new AcdlEvent(0, name, eventInfo, null, null, false);
    }

    public static XdmEvent map(String name, ObjectNode eventInfo) {
        return map(true, event(name, eventInfo));
    }

    public static XdmEvent map(boolean rawEmail, AcdlEvent event) {
        XdmEvent xdm = new StorefrontEventMapper(rawEmail, Duration.ofMinutes(1))
                .map(event, FPID, "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0", RECEIVED);
        assertValid(xdm);
        return xdm;
    }

    /** The event has what AEP requires and no key the Commerce ExperienceEvent schema lacks. */
    public static void assertValid(XdmEvent event) {
        assertThat(CompatSchema.errors(event.xdm())).as("schema errors of %s", event.toJson()).isEmpty();
    }

    public static JsonNode at(XdmEvent event, String path) {
        return event.get(path);
    }
}
