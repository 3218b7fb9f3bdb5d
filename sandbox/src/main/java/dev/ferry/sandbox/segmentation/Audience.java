package dev.ferry.sandbox.segmentation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An audience of the sandbox's Segmentation service.
 *
 * @param id          the audience id (Platform audiences use it as their {@code audienceId} too)
 * @param name        display name
 * @param description what the audience holds
 * @param pql         its Profile Query Language definition, shown but never evaluated
 */
public record Audience(String id, String name, String description, String pql) {

    /** An audience whose id is derived from its name, so demos and tests see the same ids on every start. */
    public static Audience named(String name, String description, String pql) {
        String id = UUID.nameUUIDFromBytes(("ferry-sandbox-audience:" + name).getBytes(StandardCharsets.UTF_8)).toString();
        return new Audience(id, name, description, pql);
    }
}
