/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpDescribesEveryOption() {
        assertEquals(0, run("--help"));

        String help = out.toString();
        for (String option : new String[] {"printer.cfg", "-l", "-I", "-a", "-i", "-o", "-d", "-v", "--check-config"}) {
            assertTrue(help.contains(option), "help mentions " + option + ":\n" + help);
        }
        assertTrue(help.contains("Validate printer.cfg and exit"), help);
        assertEquals("", err.toString());
    }

    @Test
    void withoutAConfigTheBuiltInVirtualPrinterIsUsed() {
        // outside a distribution folder the default config is not there, and the error names it
        assertEquals(Main.START_ERROR, run());

        assertTrue(err.toString().startsWith("Unable to open config file "), err.toString());
        assertTrue(err.toString().trim().endsWith("config/virtual-printer.cfg"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(Main.USAGE_ERROR, run("printer.cfg", "--frobnicate"));

        assertTrue(err.toString().contains("Unknown option: '--frobnicate'"), err.toString());
    }

    @Test
    void missingConfigFailsWithOneLineBeforeStartingAnything(@TempDir Path dir) {
        Path cfg = dir.resolve("printer.cfg");

        assertEquals(Main.START_ERROR, run(cfg.toString(), "--check-config"));

        assertEquals("Unable to open config file " + cfg + System.lineSeparator(), err.toString());
    }
}
