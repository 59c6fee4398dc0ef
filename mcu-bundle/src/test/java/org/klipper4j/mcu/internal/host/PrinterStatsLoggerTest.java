/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.testkit.ReactorPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatsSource;

/** The periodic Stats line: all contributors in registration order, logged only while one is active. */
class PrinterStatsLoggerTest {
    @TempDir
    Path dir;
    private ReactorPrinter printer;

    @AfterEach
    void stop() throws Exception {
        printer.close();
    }

    @Test
    void lineJoinsAllPartsWhileAnyIsActive() throws Exception {
        printer = new ReactorPrinter(ReactorPrinter.batchArgs(dir.resolve("p.cfg"), dir.resolve("out"), Map.of()));
        boolean[] printing = {false};
        PrinterStatsLogger logger = printer.call(() -> {
            PrinterStatsLogger.ensure(printer);
            printer.addObject("toolhead", (StatsSource) t -> new StatsSource.Stats(printing[0], "print_time=1.000"));
            printer.addObject("mcu", (StatsSource) t -> new StatsSource.Stats(false, "mcu: freq=16000000"));
            printer.sendEvent(PrinterEvents.READY);
            return printer.lookupObject(PrinterStatsLogger.NAME, PrinterStatsLogger.class);
        });
        assertNull(logger.line(12.0), "nothing is logged while idle");
        printing[0] = true;
        String line = logger.line(12.04);
        assertTrue(line.matches("Stats 12\\.0: sysload=\\d+\\.\\d\\d cputime=\\d+\\.\\d{3} memavail=\\d+ "
                + "print_time=1\\.000 mcu: freq=16000000"), line);
        assertEquals(PrinterStatsLogger.class, printer.lookupObject("statistics").getClass());
    }
}
