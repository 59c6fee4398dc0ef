/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting parts of {@code klipper4j bench}. */
class BenchPartsTest {
    @TempDir
    Path dir;

    @Test
    void movesAreTheG0AndG1Lines() throws Exception {
        Path gcode = Files.writeString(dir.resolve("in.gcode"), String.join("\n",
                "; G1 X1 in a comment", "G28", "G1 X10 F3000", "g1 y5", "N12 G1 X2*71", "G0 Z1",
                "G01 X3", "G10", "G11", "G92 E0", "  G1 E1 ; indented", "SET_VELOCITY_LIMIT VELOCITY=100", ""));
        assertEquals(6, MoveCounter.count(gcode));
    }

    @Test
    void stepsAreTheSumOfQueueStepCounts() throws Exception {
        StepCounter counter = new StepCounter();
        String decoded = "queue_step oid=2 interval=400 count=12 add=-3\n"
                + "set_next_step_dir oid=2 dir=1\n"
                + "queue_step oid=5 interval=4000 count=1 add=0\n"
                + "reset_step_clock oid=2 clock=100\n"
                + "queue_step oid=2 interval=7 count=30 add=0";
        counter.write(decoded.getBytes(StandardCharsets.UTF_8));
        counter.close();
        assertEquals(43, counter.steps());
        assertEquals(3, counter.queueStepMessages());
    }

    @Test
    void peakMemoryIsReadFromVmHwm() {
        assertEquals(Optional.of(58_432L),
                PeakMemory.parseVmHwm(List.of("Name:\tjava", "VmPeak:\t 3000000 kB", "VmHWM:\t   58432 kB")));
        assertFalse(PeakMemory.parseVmHwm(List.of("Name:\tjava")).isPresent());
    }

    @Test
    void anUnreadableGCodeFileIsNamed() throws Exception {
        Path cfg = Files.writeString(dir.resolve("printer.cfg"), "[printer]\nkinematics: none\n");
        Path dict = Files.writeString(dir.resolve("mcu.dict"), "{}");
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(new Distribution(dir), new String[] {cfg.toString(),
                dir.resolve("missing.gcode").toString(), "-d", dict.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("Unable to open G-code file "), err.toString());
    }

    @Test
    void helpDescribesTheCommand() {
        StringWriter out = new StringWriter();
        int code = BenchCommand.run(new Distribution(dir), new String[] {"--help"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: klipper4j bench"), out.toString());
        assertTrue(out.toString().contains("--dictionary"), out.toString());
    }
}
