/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.StartArgs;
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
    void aMissingBundlesFolderIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> EmbeddedFramework.start(new Distribution(home), Map.of()));
        assertEquals("No bundles folder at " + home.resolve("bundles"), e.getMessage());
    }
}
