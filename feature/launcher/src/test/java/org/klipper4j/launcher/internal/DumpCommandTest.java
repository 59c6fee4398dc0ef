/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DumpCommand.run(new Distribution(home), args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void wrongArgumentCountExplainsTheUsage() {
        assertEquals(1, run("only-one"));
        assertTrue(err.toString().startsWith("Usage: klipper4j dump DICT FILE"), err.toString());
    }

    @Test
    void withoutTheMcuBundleItSaysWhatIsMissing() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        assertEquals(1, run("a.dict", "b.serial"));
        assertTrue(err.toString().contains("Unable to find the MCU bundle"), err.toString());
    }
}
