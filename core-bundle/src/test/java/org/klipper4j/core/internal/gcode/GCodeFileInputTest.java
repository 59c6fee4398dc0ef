/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.reactor.Reactor;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GCodeFileInputTest {
    @TempDir
    Path dir;
    private FakePrinter printer;
    private GCodeDispatcher gcode;
    private FakeToolhead toolhead;
    private final List<String> out = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new GCodeDispatcher(printer);
        printer.addObject("gcode", gcode);
        toolhead = new FakeToolhead();
        printer.addObject("toolhead", toolhead);
        printer.addObject("gcode_move", new GCodeMove(printer));
        gcode.registerOutputHandler(out::add);
        gcode.registerCommand("G28", gcmd -> trace.add("home"), null);
    }

    /** Starts batch input on {@code file}, makes the printer ready and runs until the host is asked to exit. */
    private void runBatch(Path file) {
        new GCodeFileInput(printer, gcode, file);
        printer.reactor.registerCallback(e -> printer.becomeReady(), Reactor.NOW);
        printer.reactor.run();
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("input.gcode");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void wholeFileRunsInOrderThenWaitsForMovesAndExits() throws IOException {
        StringBuilder text = new StringBuilder("G28\n; a comment\n\n");
        for (int i = 1; i <= 40; i++) {
            text.append("G1 X").append(i).append(" F6000\n");
        }
        text.append("G1 Y7"); // no newline at the end of the file
        runBatch(write(text.toString()));
        assertEquals(List.of("exit"), printer.exits);
        assertEquals(List.of("home"), trace);
        assertEquals(41, toolhead.moves.size());
        for (int i = 1; i <= 40; i++) {
            assertEquals(i, toolhead.moves.get(i - 1)[0], 1e-9);
        }
        assertArrayEquals(new double[] {40, 7, 0, 0}, toolhead.moves.get(40), 1e-9);
        List<String> tail = toolhead.log.subList(toolhead.log.size() - 2, toolhead.log.size());
        assertEquals(List.of("dwell 0.5", "waitMoves"), tail);
        assertEquals(List.of("// Klipper state: Ready"), out);
    }

    @Test
    void moveOutOfRangeEndsTheRunWithErrorExit() throws IOException, URISyntaxException {
        Path reference = Path.of(getClass().getResource("/gcode/out_of_bounds.gcode").toURI());
        Path file = write(Files.readString(reference) + "G1 X5\nG1 X6\n");
        runBatch(file);
        assertEquals(List.of("home"), trace);
        assertEquals("!! Move out of range: 0.000 9999.000 0.000 [0.000]", out.get(out.size() - 1));
        assertEquals("error_exit", printer.exits.get(0));
        assertTrue(toolhead.moves.isEmpty(), "no move after the error");
        assertTrue(!toolhead.log.contains("waitMoves"));
    }

    @Test
    void inputIsReadWhileACommandPausesUntilTwentyLinesWait() throws IOException {
        int[] maxPending = new int[1];
        List<Double> times = new ArrayList<>();
        gcode.registerCommand("SLOW", gcmd -> {
            maxPending[0] = Math.max(maxPending[0], gcode.pendingLineCount());
            times.add(printer.reactor.pause(printer.reactor.monotonic() + 1.0));
        }, null);
        String line = "SLOW ; padded to fifty characters with a comment.\n";
        assertEquals(50, line.length());
        runBatch(write(line.repeat(300)));
        assertEquals(300, times.size());
        // the first read (81 whole lines) is processed as one batch; later reads stop at 20 waiting lines
        assertTrue(maxPending[0] >= GCodeFileInput.MAX_PENDING, "pending " + maxPending[0]);
        assertTrue(maxPending[0] < 81 + GCodeFileInput.READ_SIZE / 50, "pending " + maxPending[0]);
        for (int i = 1; i < times.size(); i++) {
            assertEquals(1.0, times.get(i) - times.get(i - 1), 1e-9, "commands run one after another");
        }
        assertEquals(List.of("exit"), printer.exits);
    }

    @Test
    void futureTimersDoNotRunWhileInputRemains() throws IOException {
        // A command that yields at NOW (as the toolhead does in batch mode) must not let the
        // simulated clock reach a timer in the future while lines are still to be read.
        List<Integer> firedAfter = new ArrayList<>();
        int[] count = new int[1];
        gcode.registerCommand("YIELD", gcmd -> {
            if (count[0]++ == 0) {
                double at = printer.reactor.monotonic() + 0.05;
                printer.reactor.registerCallback(e -> firedAfter.add(count[0]), at);
            }
            printer.reactor.pause(Reactor.NOW);
        }, null);
        gcode.registerCommand("WAIT", gcmd -> printer.reactor.pause(printer.reactor.monotonic() + 1.0), null);
        runBatch(write("YIELD ; a line long enough to need several reads of the file\n".repeat(400) + "WAIT\n"));
        assertEquals(400, count[0]);
        assertEquals(List.of(400), firedAfter);
        assertEquals(List.of("exit"), printer.exits);
    }

    @Test
    void shutdownDuringBatchEndsWithErrorExit() throws IOException {
        runBatch(write("G28\nM112\nG1 X5\n"));
        assertEquals("error_exit", printer.exits.get(0));
        assertEquals(List.of("Shutdown due to M112 command"), printer.shutdowns.subList(0, 1));
        assertTrue(toolhead.moves.isEmpty());
    }
}
