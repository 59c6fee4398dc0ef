/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatsSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's {@code statistics} object: once a second, asks every {@link StatsSource}
 * for its part and logs {@code Stats <time>: <parts>} while any of them is active. Not
 * run in batch mode. Its own part is the host's load ({@code sysload cputime memavail}).
 */
public final class PrinterStatsLogger implements StatsSource {
    /** The printer object name. */
    public static final String NAME = "statistics";
    private static final Logger LOG = LoggerFactory.getLogger("klipper4j.stats");

    private final Printer printer;
    private final double startCpu;
    private List<StatsSource> sources = List.of();
    private ReactorTimer timer;

    private PrinterStatsLogger(Printer printer) {
        this.printer = printer;
        this.startCpu = processCpuSeconds();
        printer.registerEventHandler(PrinterEvents.READY, a -> start());
        printer.registerEventHandler(PrinterEvents.DISCONNECT, a -> stop());
    }

    /** The printer's statistics object, created if missing. */
    public static void ensure(Printer printer) {
        if (printer.findObject(NAME, Object.class).isEmpty()) {
            printer.addObject(NAME, new PrinterStatsLogger(printer));
        }
    }

    private void start() {
        List<StatsSource> found = new ArrayList<>();
        for (Map.Entry<String, Object> e : printer.lookupObjects(null)) {
            if (e.getValue() instanceof StatsSource s) {
                found.add(s);
            }
        }
        sources = found;
        if (!printer.getStartArgs().isBatch()) {
            Reactor reactor = printer.getReactor();
            timer = reactor.registerTimer(this::generate, Reactor.NOW);
        }
    }

    private void stop() {
        if (timer != null) {
            printer.getReactor().unregisterTimer(timer);
            timer = null;
        }
    }

    /** Builds the line; returns it if any source is active, else null. */
    String line(double eventtime) {
        boolean active = false;
        List<String> parts = new ArrayList<>();
        for (StatsSource s : sources) {
            Stats st = s.stats(eventtime);
            active |= st.active();
            if (!st.text().isEmpty()) {
                parts.add(st.text());
            }
        }
        return active ? String.format(Locale.ROOT, "Stats %.1f: %s", eventtime, String.join(" ", parts)) : null;
    }

    private double generate(double eventtime) {
        String line = line(eventtime);
        if (line != null) {
            LOG.info(line);
        }
        return eventtime + 1.;
    }

    @Override
    public Stats stats(double eventtime) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return new Stats(false, String.format(Locale.ROOT, "sysload=%.2f cputime=%.3f memavail=%d",
                Math.max(0., os.getSystemLoadAverage()), processCpuSeconds() - startCpu, memAvailableKb()));
    }

    private static double processCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.);
    }

    private static long memAvailableKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemAvailable:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux: report 0 as Klipper does when it cannot read it
        }
        return 0;
    }
}
