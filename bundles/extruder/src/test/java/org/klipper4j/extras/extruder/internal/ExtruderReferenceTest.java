/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.kinematics.testing.StepStreams;

/**
 * Klipper's printers test (move.gcode on example-cartesian.cfg) with this
 * bundle's extruder: every E step (pin PA4) and every XYZ step matches Klipper's
 * batch output within the comparison tolerance.
 */
class ExtruderReferenceTest {
    private static final String REFERENCE = "printers-example-cartesian.steps.txt";

    @TempDir
    Path dir;

    private void move(ExtruderPrinter p, double x, double y, double z) {
        p.move(x, y, z, p.toolhead.getPosition()[3], 100.);
    }

    /** move.gcode in toolhead coordinates (G1 at F6000), ending as a batch run does. */
    private void runMoveGcode(ExtruderPrinter p) throws Exception {
        p.home();
        double[] pos = p.toolhead.getPosition();
        move(p, pos[0], pos[1], 1);
        move(p, 1, pos[1], 1);
        move(p, 1, 1, 1);
        move(p, 1, 2, 1);
        p.toolhead.dwell(0.1);
        move(p, 1, 1.5, 1);
        p.toolhead.waitMoves();
        // M400 in batch mode: the flush timer fires before the next move (see MoveGcodeRun)
        p.printer.reactor.runDueTimers();
        move(p, 1, 1, 1);
        move(p, 0, 0, 1);
        move(p, 1, 0, 2);
        move(p, 0, 1, 1);
        p.move(0, 1, 1, 1, 100.);
        p.move(0, 1, 1, 0, 100.);
        p.move(0, 0, 1, .01, 100.);
        move(p, 0, 1, 1);
        move(p, 0, 0, 1);
        p.printer.sendEvent("gcode:request_restart", p.toolhead.getLastMoveTime());
        p.toolhead.dwell(0.5);
        p.toolhead.waitMoves();
        p.printer.reactor.runDueTimers();
    }

    @Test
    void extruderStepsMatchKlippersOutput() throws Exception {
        ExtruderPrinter p = ExtruderPrinter.fromResource(dir, "example-cartesian.cfg");
        runMoveGcode(p);
        var ours = StepStreams.fromSim(p.printer.mcu);
        var klipper = StepStreams.fromDecoded(List.of(
                org.klipper4j.kinematics.testing.MoveGcodeRun.resource(REFERENCE).split("\n")));
        // 1 mm out, 1 mm back, 0.01 mm out at 3200 / 33.5 steps per mm: 96 + 96 + 1 steps
        List<Long> e = ours.get("PA4");
        assertEquals(97, e.stream().filter(c -> c > 0).count());
        assertEquals(96, e.stream().filter(c -> c < 0).count());
        for (String pin : List.of("PA4", "PF0", "PF6", "PL3")) {
            List<Long> want = klipper.get(pin);
            List<Long> got = ours.get(pin);
            assertEquals(want.size(), got.size(), pin + " step count");
            for (int i = 0; i < want.size(); i++) {
                long diff = Math.abs(Math.abs(want.get(i)) - Math.abs(got.get(i)));
                assertTrue(diff <= 2 * 400 + 1 && Long.signum(want.get(i)) == Long.signum(got.get(i)),
                        pin + " step " + i + ": klipper " + want.get(i) + " ours " + got.get(i));
            }
        }
    }

    @Test
    void extruderStepperIsConfiguredAsKlippers() throws Exception {
        ExtruderPrinter p = ExtruderPrinter.fromResource(dir, "example-cartesian.cfg");
        assertTrue(p.printer.mcu.config.stream().anyMatch(c -> c.matches(
                "config_stepper oid=\\d+ step_pin=PA4 dir_pin=PA6 invert_step=0 step_pulse_ticks=32")),
                p.printer.mcu.config.toString());
    }
}
