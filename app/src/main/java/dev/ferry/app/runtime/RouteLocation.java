package dev.ferry.app.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the YAML routes come from: the directory given, else {@code ./routes} when it exists, else the default
 * routes bundled in the jar.
 */
public record RouteLocation(Path directory) {

    public static final String BUNDLED = "classpath:routes/*.yaml";

    public static RouteLocation resolve(Path given) {
        if (given != null) {
            if (!Files.isDirectory(given)) {
                throw new dev.ferry.core.config.ConfigException("routes directory not found: " + given);
            }
            return new RouteLocation(given);
        }
        Path local = Path.of("routes");
        return new RouteLocation(Files.isDirectory(local) ? local : null);
    }

    public boolean bundled() {
        return directory == null;
    }

    /** Camel's routesIncludePattern for this location. */
    public String includePattern() {
        return bundled() ? BUNDLED : "file:" + directory.toAbsolutePath().normalize() + "/*.yaml";
    }

    @Override
    public String toString() {
        return bundled() ? "the routes bundled in ferry.jar" : directory.toAbsolutePath().normalize().toString();
    }
}
