package dev.ferry.app.check;

import dev.ferry.app.runtime.RouteLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code *.yaml} files of a {@link RouteLocation}, exactly the ones {@code ferry run} would load: the files in
 * the directory, or the routes bundled in the jar under {@code classpath:routes/}.
 */
final class RouteSources {

    static final String BUNDLED_DIR = "routes/";

    private RouteSources() {
    }

    /** The routes files, sorted by name. */
    static List<RouteFile> of(RouteLocation location, ClassLoader loader) {
        return location.bundled() ? bundled(loader) : directory(location.directory());
    }

    /** Files beside the routes that Ferry will not load because of their extension (e.g. {@code orders.yml}). */
    static List<String> ignored(RouteLocation location) {
        if (location.bundled()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(location.directory())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<RouteFile> directory(Path directory) {
        List<RouteFile> files = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> list = Files.list(directory)) {
            paths = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list routes directory " + directory, e);
        }
        for (Path path : paths) {
            try {
                files.add(new RouteFile(path.toString(), "file:" + path.toAbsolutePath().normalize(),
                        Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return files;
    }

    private static List<RouteFile> bundled(ClassLoader loader) {
        List<RouteFile> files = new ArrayList<>();
        for (String name : ClasspathListing.files(loader, BUNDLED_DIR)) {
            if (!name.endsWith(".yaml")) {
                continue;
            }
            String resource = BUNDLED_DIR + name;
            URL url = loader.getResource(resource);
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                String location = "classpath:" + resource;
                files.add(new RouteFile(location, location, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }
        return files;
    }
}
