/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.klipper4j.core.api.StartArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The start banner and config dump, in the layout of Klipper's log. */
final class StartupLog {
    private static final Logger LOG = LoggerFactory.getLogger("klipper4j");
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy",
            Locale.ROOT);

    private StartupLog() {
    }

    static void banner(StartArgs args) {
        LOG.info("Starting {}...", org.klipper4j.core.internal.HostVersion.softwareVersion());
        LOG.info("Args: {}", args);
        LOG.info("Java: {} {} ({})", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"));
        LOG.info("CPU: {} core", Runtime.getRuntime().availableProcessors());
        LOG.info("Process: pid {}, max heap {} MiB", ProcessHandle.current().pid(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    static void printerStart(double monotonic) {
        double unix = System.currentTimeMillis() / 1000.0;
        LOG.info("Start printer at {} ({} {})", START_TIME.format(ZonedDateTime.now()),
                String.format(Locale.ROOT, "%.1f", unix), String.format(Locale.ROOT, "%.1f", monotonic));
        LOG.debug("JVM uptime {} ms", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    static void config(String logText) {
        LOG.info(logText);
    }
}
