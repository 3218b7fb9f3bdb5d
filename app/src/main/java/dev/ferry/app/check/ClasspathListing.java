package dev.ferry.app.check;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The names of the files directly inside a class-path directory, across every jar and directory on the path. */
final class ClasspathListing {

    private ClasspathListing() {
    }

    /**
     * @param directory a resource directory such as {@code META-INF/services/org/apache/camel/component/}
     */
    static Set<String> files(ClassLoader loader, String directory) {
        String dir = directory.endsWith("/") ? directory : directory + "/";
        Set<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(dir))) {
                names.addAll(list(url));
            }
            // A jar built without directory entries answers no getResources(dir): look inside every jar instead.
            for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                String text = url.toString();
                int bang = text.lastIndexOf("!/");
                if ("jar".equals(url.getProtocol()) && bang > 0) {
                    names.addAll(list(new URL(text.substring(0, bang + 2) + dir)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " on the class path", e);
        }
        return names;
    }

    private static Set<String> list(URL directory) {
        Set<String> names = new TreeSet<>();
        try {
            if ("file".equals(directory.getProtocol())) {
                File[] files = new File(directory.toURI()).listFiles(File::isFile);
                if (files != null) {
                    Arrays.stream(files).map(File::getName).forEach(names::add);
                }
            } else if ("jar".equals(directory.getProtocol())) {
                URLConnection connection = directory.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    String prefix = jar.getEntryName() == null ? "" : jar.getEntryName();
                    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                        prefix += "/";
                    }
                    try (JarFile file = new JarFile(Path.of(jar.getJarFileURL().toURI()).toFile())) {
                        for (JarEntry entry : Collections.list(file.entries())) {
                            String name = entry.getName();
                            if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                                names.add(name.substring(prefix.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // an unreadable class-path entry hides its files; Camel would not see them either
        }
        return names;
    }
}
