/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.internal.host.HostLoopHarness;

/**
 * A whole printer on the core's real host (config parser, option checks, G-code
 * dispatcher, status queries) with the modules a test registers, without OSGi.
 * Close it after the test to stop the host thread.
 */
public final class HostHarness implements AutoCloseable {
    private final HostLoopHarness harness = new HostLoopHarness();

    /** Serves {@code [section]} with {@code module}. */
    public HostHarness module(String section, PrinterModule module) {
        harness.addModule(section, false, module);
        return this;
    }

    /** Serves {@code [section]} and {@code [section NAME]} with {@code module}. */
    public HostHarness prefixModule(String section, PrinterModule module) {
        harness.addModule(section, true, module);
        return this;
    }

    /**
     * Writes {@code config} to {@code dir/printer.cfg} and starts the host on it;
     * returns once the printer is ready or has failed (see its state message).
     */
    public PrinterHost start(Path dir, String config) throws IOException, InterruptedException {
        Path file = dir.resolve("printer.cfg");
        Files.writeString(file, config);
        return harness.start(file);
    }

    @Override
    public void close() {
        harness.stop();
    }
}
