/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;

/**
 * The real host loop without OSGi, for tests outside this package: modules are
 * registered by hand, and {@link #start} waits until the printer left startup.
 * Public only so that {@code org.klipper4j.testkit.HostHarness} can reach it.
 */
public final class HostLoopHarness {
    private static final long STARTUP_TIMEOUT_SECONDS = 10;

    private final ModuleRegistry registry = new ModuleRegistry();
    private long nextServiceId = 1;
    private HostLoop loop;

    /** Serves {@code [section]} (and {@code [section NAME]} if {@code prefix}) with {@code module}. */
    public void addModule(String section, boolean prefix, PrinterModule module) {
        registry.add(new ModuleEntry(section, prefix, module, "test", nextServiceId++, 0));
    }

    /** Starts the host on {@code configFile}; returns once the printer is ready or failed. */
    public PrinterHost start(Path configFile) throws InterruptedException {
        StartArgs args = new StartArgs(configFile, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), false, false);
        loop = new HostLoop(args, registry, exitCode -> { });
        loop.start();
        PrinterHost host = new PrinterHostService(loop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_TIMEOUT_SECONDS);
        while (host.getState() == PrinterState.STARTUP) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the printer did not leave startup within "
                        + STARTUP_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(10);
        }
        return host;
    }

    /** Stops the host loop, if started. */
    public void stop() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }
}
