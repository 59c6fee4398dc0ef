/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.klipper4j.core.api.StartArgs;
import org.ops4j.pax.exam.Option;

/**
 * The framework the ITs boot: the same bundles the distribution starts, slf4j
 * lent from the class path as the launcher does, FileInstall watching a fresh
 * plugins folder, and a printer.cfg written for the test. Runs on the driver side.
 */
final class ItSetup {

    /** FileInstall property the test reads back inside the framework to find its plugins folder. */
    static final String PLUGINS_DIR = "felix.fileinstall.dir";
    /** The test's scratch folder (for staging jars before they are moved into plugins/). */
    static final String SCRATCH_DIR = "klipper4j.it.scratch";
    static final String GREETER_BSN = "org.klipper4j.example-greeter";
    static final String CORE_BSN = "org.klipper4j.core-bundle";

    private ItSetup() {
    }

    /**
     * Infrastructure bundles, the given section bundles, then the core (started
     * last, as the launcher does, so its first printer sees every module), a
     * printer.cfg with {@code configText} and a watched empty plugins folder.
     */
    static Option framework(String testName, String configText, Option... sectionBundles) {
        Path dir = scratch(testName);
        try {
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Path cfg = Files.writeString(dir.resolve("printer.cfg"), configText);
            return composite(
                    cleanCaches(),
                    // slf4j 2 is also offered as 1.7 for Pax Exam's own bundles (the 1.7 API is a subset)
                    systemPackages("org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17",
                            "org.slf4j;version=1.7.36", "org.slf4j.spi;version=1.7.36", "org.slf4j.helpers;version=1.7.36",
                            "org.slf4j.helpers;version=2.0.17", "org.slf4j.spi;version=2.0.17"),
                    jar("it.jar.function"), jar("it.jar.promise"), jar("it.jar.component"), jar("it.jar.scr"),
                    jar("it.jar.gson"), jar("it.jar.jna"), jar("it.jar.jserialcomm"), jar("it.jar.fileinstall"),
                    composite(sectionBundles),
                    jar("it.jar.core"),
                    junitBundles(),
                    frameworkProperty(StartArgs.PROP_CONFIG).value(cfg.toString()),
                    frameworkProperty(PLUGINS_DIR).value(plugins.toString()),
                    frameworkProperty("felix.fileinstall.poll").value("200"),
                    frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                    frameworkProperty("felix.fileinstall.log.level").value("2"),
                    frameworkProperty(SCRATCH_DIR).value(dir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every klipper4j bundle of the distribution's {@code bundles/} folder except the
     * core (which {@link #framework} starts last), so a new bundle is booted by the
     * ITs as soon as the distribution ships it.
     */
    static Option[] distributionSectionBundles() {
        return distributionKlipperJars().entrySet().stream()
                .filter(e -> !e.getKey().equals(CORE_BSN))
                .map(e -> bundle(e.getValue().toUri().toString()))
                .toArray(Option[]::new);
    }

    /** Symbolic name to jar of every klipper4j bundle in the distribution's {@code bundles/}. */
    static Map<String, Path> distributionKlipperJars() {
        Path dir = Path.of(jarPath("it.dist")).resolve("bundles");
        try (Stream<Path> jars = Files.list(dir)) {
            Map<String, Path> result = new TreeMap<>();
            for (Path jarFile : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                String bsn = symbolicName(jarFile);
                if (bsn.startsWith("org.klipper4j.")) {
                    result.put(bsn, jarFile);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String symbolicName(Path jarFile) throws IOException {
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            String bsn = jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? "" : bsn.split(";")[0].trim();
        }
    }

    /** A reactor-built bundle jar, by the system property the pom sets to its path. */
    static Option jar(String property) {
        return bundle("file:" + jarPath(property));
    }

    static String jarPath(String property) {
        String path = System.getProperty(property);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the ITs through Maven");
        }
        return path;
    }

    private static Path scratch(String testName) {
        try {
            Path base = Path.of(System.getProperty("it.workdir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, testName + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
