/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.kinematics.testing.MoveGcodeRun;
import org.klipper4j.kinematics.testing.SimMcu;

/**
 * Runs the moves of Klipper's printers test (move.gcode) on example-cartesian.cfg
 * through the real toolhead, cartesian kinematics and step pipeline, and compares
 * every X, Y and Z step with Klipper's own batch output.
 */
class CartesianReferenceTest {
    @TempDir
    Path dir;

    private MoveGcodeRun run;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws Exception {
        run = new MoveGcodeRun(dir, "example-cartesian.cfg", "cartesian", new CartesianKinematicsFactory());
        toolhead = run.toolhead;
    }

    @Test
    void configCommandsMatchKlipper() {
        List<String> steppers = run.printer.mcu.config.stream().filter(c -> c.startsWith("config_stepper")).toList();
        assertEquals(3, steppers.size());
        assertTrue(steppers.get(0).matches(
                "config_stepper oid=\\d+ step_pin=PF0 dir_pin=PF1 invert_step=0 step_pulse_ticks=32"),
                steppers.get(0));
        assertTrue(steppers.get(1).contains("step_pin=PF6 dir_pin=PF7 "), steppers.get(1));
    }

    @Test
    void moveGcodeStepsMatchKlipperOutput() throws Exception {
        run.runMoveGcode(MoveGcodeRun.extrudeRatio(.5, 3.5), 500, 3000);
        assertEquals("", run.compareWith("printers-example-cartesian.steps.txt", List.of("PF0", "PF6", "PL3")));
        // the compression chunks the steps as Klipper does: about as many queue_step commands
        var counts = run.queueStepCounts("printers-example-cartesian.steps.txt");
        for (String pin : List.of("PF0", "PF6", "PL3")) {
            long[] n = counts.get(pin);
            assertTrue(Math.abs(n[0] - n[1]) <= n[1] / 100, pin + ": ours " + n[0] + ", klipper " + n[1]);
        }
        // enable lines: on with the first homing move, off at exit (clocks of Klipper's queue_digital_out)
        assertEquals(List.of("PD7 4032000 1", "PF2 1044258666 1", "PK0 2084485333 1", "PD7 3159825930 0",
                "PF2 3159825930 0", "PK0 3159825930 0"), run.printer.mcu.digitalOut);
    }

    @Test
    void parallelStepGenerationIsDeterministic() throws Exception {
        run.runMoveGcode(MoveGcodeRun.extrudeRatio(.5, 3.5), 500, 3000);
        Path other = Files.createDirectories(dir.resolve("again"));
        MoveGcodeRun again = new MoveGcodeRun(other, "example-cartesian.cfg", "cartesian",
                new CartesianKinematicsFactory());
        again.runMoveGcode(MoveGcodeRun.extrudeRatio(.5, 3.5), 500, 3000);
        assertEquals(describe(run.printer.mcu.sent), describe(again.printer.mcu.sent));
    }

    private static List<String> describe(List<SimMcu.Sent> sent) {
        return sent.stream().map(s -> s.name() + " " + s.minClock() + " " + s.reqClock() + " "
                + java.util.Arrays.toString(s.args())).toList();
    }

    @Test
    void moveBeyondTheAxisIsOutOfRange() throws Exception {
        run.printer.run("G28");
        CommandError e = assertThrows(CommandError.class, () -> run.move(0, 9999, 0.5));
        assertEquals("Move out of range: 0.000 9999.000 0.500 [0.000]", e.getMessage());
    }

    @Test
    void moveBeforeHomingAsksToHome() {
        CommandError e = assertThrows(CommandError.class, () -> run.move(10, 0, 0));
        assertEquals("Must home axis first: 10.000 0.000 0.000 [0.000]", e.getMessage());
    }

    @Test
    void homingSetsPositionAndHomedAxes() throws Exception {
        run.printer.run("G28", "X", "0");
        assertEquals("x", toolhead.getStatus(0).get("homed_axes"));
        run.printer.run("G28");
        assertEquals("xyz", toolhead.getStatus(0).get("homed_axes"));
        double[] pos = toolhead.getPosition();
        assertEquals(0., pos[0], 1e-9);
        assertEquals(0.5, pos[2], 1e-9);
        assertEquals(List.of(0., 0., 0., 0.), toolhead.getStatus(0).get("axis_minimum"));
        assertEquals(List.of(200., 200., 200., 0.), toolhead.getStatus(0).get("axis_maximum"));
    }

    @Test
    void homingEndRestartsStepTimingFromClockZero() throws Exception {
        run.printer.run("G28");
        var x = toolhead.getKinematics().getSteppers().get(0);
        x.noteHomingEnd();
        run.move(10, 0, 0.5);
        toolhead.flushStepGeneration();
        var sent = run.printer.mcu.sent;
        int reset = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).name().equals("reset_step_clock")) {
                reset = i;
            }
        }
        assertTrue(reset >= 0, "no reset_step_clock sent");
        assertEquals(x.getOid(), sent.get(reset).arg(0));
        assertEquals(0, sent.get(reset).arg(1));
        // the next step's interval counts from clock 0 again: it is the step's absolute clock
        var nextStep = sent.subList(reset, sent.size()).stream()
                .filter(s -> s.name().equals("queue_step") && s.arg(0) == x.getOid()).findFirst().orElseThrow();
        double printTime = toolhead.getLastMoveTime();
        assertTrue(nextStep.arg(1) > (long) ((printTime - 1.) * 16_000_000), "interval " + nextStep.arg(1));
    }

    @Test
    void m84TurnsMotorsOffAndClearsHoming() throws Exception {
        run.printer.run("G28");
        run.printer.run("M84");
        assertEquals("", toolhead.getStatus(0).get("homed_axes"));
        assertTrue(run.printer.mcu.digitalOut.get(run.printer.mcu.digitalOut.size() - 1).endsWith(" 0"));
    }
}
