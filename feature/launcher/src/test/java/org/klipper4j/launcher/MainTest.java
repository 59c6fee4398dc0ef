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
    void noArgumentsIsAUsageError() {
        assertEquals(Main.USAGE_ERROR, run());

        assertTrue(err.toString().startsWith("Missing required parameter: 'printer.cfg'"), err.toString());
        assertTrue(err.toString().contains("klipper4j --help"), err.toString());
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
