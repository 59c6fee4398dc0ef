/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The installed distribution's folders: {@code bundles/} (started at boot) and
 * {@code plugins/} (watched for hot-deploy), under the home folder given by the
 * {@value #HOME_PROPERTY} system property or else the folder above {@code lib/}.
 */
public record Distribution(Path home) {

    public static final String HOME_PROPERTY = "klipper4j.home";

    public static Distribution locate() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return new Distribution(Path.of(home).toAbsolutePath());
        }
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            return new Distribution(lib.getParent() == null ? lib : lib.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return new Distribution(Path.of("").toAbsolutePath());
        }
    }

    public Path bundlesDir() {
        return home.resolve("bundles");
    }

    public Path pluginsDir() {
        return home.resolve("plugins");
    }

    /** The jars in {@code bundles/}, by name (the start order does not matter with DS). */
    public List<Path> bootBundles() throws IOException {
        if (!Files.isDirectory(bundlesDir())) {
            throw new IOException("No bundles folder at " + bundlesDir());
        }
        try (Stream<Path> files = Files.list(bundlesDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
