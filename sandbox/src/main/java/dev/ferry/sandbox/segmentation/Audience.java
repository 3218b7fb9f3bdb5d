package dev.ferry.sandbox.segmentation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * An audience of the sandbox's Segmentation service.
 *
 * @param id          the audience id (Platform audiences use it as their {@code audienceId} too)
 * @param name        display name
 * @param description what the audience holds
 * @param pql         its Profile Query Language definition, shown but never evaluated
 * @param rule        what the sandbox evaluates to qualify profiles, or null for an audience whose members are only
 *                    set by hand ({@code PUT /sandbox/memberships/...})
 */
public record Audience(String id, String name, String description, String pql, AudienceRule rule) {

    /** An audience whose id is derived from its name, so demos and tests see the same ids on every start. */
    public static Audience named(String name, String description, String pql) {
        String id = UUID.nameUUIDFromBytes(("ferry-sandbox-audience:" + name).getBytes(StandardCharsets.UTF_8)).toString();
        return new Audience(id, name, description, pql, null);
    }

    public Audience withId(String newId) {
        return new Audience(newId, name, description, pql, rule);
    }

    public Audience withRule(AudienceRule newRule) {
        return new Audience(id, name, description, pql, newRule);
    }

    public Optional<AudienceRule> evaluatedRule() {
        return Optional.ofNullable(rule);
    }
}
