/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.Map;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.StartArgs;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class EmbeddedFrameworkTest {

    @TempDir
    Path home;

    @Test
    void theHostsExitCodeEndsTheFrameworkAndBecomesTheProcessResult() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        EmbeddedFramework framework = EmbeddedFramework.start(new Distribution(home),
                Map.of(StartArgs.PROP_CONFIG, "/x/printer.cfg"));

        BundleContext context = framework.bundleContext();
        assertEquals("/x/printer.cfg", context.getProperty(StartArgs.PROP_CONFIG));
        assertEquals(home.resolve("plugins").toString(), context.getProperty("felix.fileinstall.dir"));
        assertTrue(Files.isDirectory(home.resolve("plugins")), "plugins/ is created for hot-deploy");
        Collection<ServiceReference<IntConsumer>> refs = context.getServiceReferences(IntConsumer.class,
                "(klipper4j.exit=true)");
        assertEquals(1, refs.size());
        IntConsumer exit = context.getService(refs.iterator().next());
        assertNotNull(exit);

        exit.accept(3);

        assertEquals(3, framework.awaitExit());
    }

    @Test
    void aStopWithoutExitRequestMeansSuccess() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        EmbeddedFramework framework = EmbeddedFramework.start(new Distribution(home), Map.of());

        framework.stop();

        assertEquals(0, framework.awaitExit());
    }

    @Test
    void theCoreStartsAfterEveryOtherBundle() throws Exception {
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        // named so that the file order would start the core first
        writeBundle(bundles.resolve("a-core.jar"), "test.core", "org.klipper4j.core.api;version=0.1.0");
        writeBundle(bundles.resolve("b-module.jar"), "test.module", null);
        EmbeddedFramework framework = EmbeddedFramework.start(new Distribution(home), Map.of());
        try {
            Bundle core = bySymbolicName(framework, "test.core");
            Bundle module = bySymbolicName(framework, "test.module");

            assertEquals(List.of(module, core), EmbeddedFramework.coreLast(List.of(core, module)));
            assertEquals(Bundle.ACTIVE, core.getState());
            assertEquals(Bundle.ACTIVE, module.getState());
        } finally {
            framework.stop();
        }
    }

    private static Bundle bySymbolicName(EmbeddedFramework framework, String name) {
        for (Bundle b : framework.bundleContext().getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + name);
    }

    private static void writeBundle(Path jar, String symbolicName, String exports) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        if (exports != null) {
            main.putValue("Export-Package", exports);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
    }

    @Test
    void aMissingBundlesFolderIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> EmbeddedFramework.start(new Distribution(home), Map.of()));
        assertEquals("No bundles folder at " + home.resolve("bundles"), e.getMessage());
    }
}
