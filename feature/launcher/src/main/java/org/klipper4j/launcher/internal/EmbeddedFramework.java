/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Felix framework with a fresh storage folder: installs and starts
 * every boot bundle, lets FileInstall watch the plugins folder, offers the exit
 * service and stops cleanly.
 */
public final class EmbeddedFramework {

    /** The slf4j packages the launcher's class path lends to the bundles. */
    static final String SLF4J_PACKAGES = exportsOf("2.0.17",
            "org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi");
    /** How often FileInstall looks at plugins/, in ms: short, so a dropped jar is live at once. */
    static final String PLUGIN_POLL_MS = "500";
    private static final long STOP_TIMEOUT_MS = 15_000;
    /** The package the core bundle exports and nothing else does. */
    static final String CORE_API_PACKAGE = "org.klipper4j.core.api";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFramework.class);

    private final Framework framework;
    private final Path storage;
    private final ExitService exitService;

    private EmbeddedFramework(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
        this.exitService = new ExitService(framework);
    }

    /**
     * Creates and starts the framework with the given extra framework properties
     * (the start arguments) and the bundles of the distribution.
     */
    public static EmbeddedFramework start(Distribution dist, Map<String, String> startProperties)
            throws IOException, BundleException {
        Path storage = Files.createTempDirectory("klipper4j-felix");
        Map<String, String> props = new HashMap<>(startProperties);
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J_PACKAGES);
        props.put("felix.log.level", "1");
        Files.createDirectories(dist.pluginsDir());
        props.put("felix.fileinstall.dir", dist.pluginsDir().toString());
        props.put("felix.fileinstall.poll", PLUGIN_POLL_MS);
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.log.level", "2");

        Framework framework = new FrameworkFactory().newFramework(props);
        framework.init();
        EmbeddedFramework embedded = new EmbeddedFramework(framework, storage);
        embedded.boot(dist.bootBundles());
        return embedded;
    }

    private void boot(List<Path> jars) throws BundleException {
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(EmbeddedFramework::logFrameworkEvent);
        Hashtable<String, Object> exitProps = new Hashtable<>();
        exitProps.put(ExitService.EXIT_PROPERTY, Boolean.TRUE);
        context.registerService(IntConsumer.class, exitService, exitProps);

        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            // by reference: Felix reads the jar in place instead of copying it into the fresh cache
            installed.add(context.installBundle("reference:" + jar.toUri()));
        }
        framework.start();
        for (Bundle bundle : coreLast(installed)) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                // one broken bundle should leave the others (and the error report) running
                LOG.error("Bundle {} could not start: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
        LOG.debug("Framework started with {} bundles", installed.size());
    }

    /**
     * The core builds the printer as soon as it starts, with the modules present
     * then: so every other bundle (SCR and the section bundles) starts before it.
     */
    static List<Bundle> coreLast(List<Bundle> bundles) {
        List<Bundle> ordered = new ArrayList<>();
        List<Bundle> core = new ArrayList<>();
        for (Bundle b : bundles) {
            (exportsCoreApi(b) ? core : ordered).add(b);
        }
        ordered.addAll(core);
        return ordered;
    }

    private static boolean exportsCoreApi(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (BundleCapability export : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (CORE_API_PACKAGE.equals(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }

    /** Blocks until the framework has stopped; returns the exit code the host asked for (0 if none). */
    public int awaitExit() throws InterruptedException {
        framework.waitForStop(0);
        deleteStorage();
        return exitService.exitCode().orElse(0);
    }

    /** Stops the framework (idempotent), waiting a bounded time. */
    public void stop() {
        if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within {} ms", STOP_TIMEOUT_MS);
            }
        } catch (BundleException e) {
            LOG.error("Stopping the framework failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteStorage();
    }

    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    private void deleteStorage() {
        try (Stream<Path> files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", storage, e.getMessage());
        }
    }

    private static void logFrameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable t = event.getThrowable();
            String what = event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName();
            LOG.error("Error in {}: {}", what, t == null ? "unknown" : t.getMessage());
            LOG.debug("Details", t);
        }
    }

    private static String exportsOf(String version, String... packages) {
        StringBuilder sb = new StringBuilder();
        for (String p : packages) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p).append(";version=").append(version);
        }
        return sb.toString();
    }
}
