/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.kinematics.testing.MoveGcodeRun;
import org.klipper4j.kinematics.testing.StepStreams;

/**
 * Klipper's pressure_advance test (test/klippy/pressure_advance.test) on its
 * config: SET_PRESSURE_ADVANCE and SYNC_EXTRUDER_MOTION between moves, for the
 * extruder (PA4) and an extruder_stepper (PH5), compared step by step with
 * Klipper's batch output.
 */
class PressureAdvanceReferenceTest {
    private static final long TOLERANCE = 2 * 400 + 1;

    @TempDir
    Path dir;

    private ExtruderPrinter p;

    private void g1(double x, double y, double z, double e) {
        p.move(x, y, z, e, 100.);
    }

    @Test
    void stepsMatchKlippersOutput() throws Exception {
        p = ExtruderPrinter.fromResource(dir, "pressure_advance.cfg");
        p.gcode.run("SET_PRESSURE_ADVANCE", "ADVANCE", "0.1");
        p.home();
        g1(20, 20, 1, 0);
        g1(20, 20, 1, 7);
        g1(25, 25, 1, 7.5);
        p.gcode.run("SET_PRESSURE_ADVANCE", "EXTRUDER", "my_extra_stepper", "ADVANCE", "0.02");
        g1(30, 30, 1, 8.);
        p.gcode.run("SYNC_EXTRUDER_MOTION", "EXTRUDER", "my_extra_stepper", "MOTION_QUEUE", "");
        p.gcode.run("SET_PRESSURE_ADVANCE", "ADVANCE", "0.01");
        g1(35, 35, 1, 8.5);
        p.gcode.run("SET_PRESSURE_ADVANCE", "EXTRUDER", "my_extra_stepper", "ADVANCE", "0.05");
        p.gcode.run("SET_PRESSURE_ADVANCE", "ADVANCE", "0.05");
        p.gcode.run("SYNC_EXTRUDER_MOTION", "EXTRUDER", "my_extra_stepper", "MOTION_QUEUE", "extruder");
        g1(40, 40, 1, 9.);
        p.gcode.run("SET_PRESSURE_ADVANCE", "SMOOTH_TIME", "0.02");
        p.gcode.run("SET_PRESSURE_ADVANCE", "EXTRUDER", "my_extra_stepper", "SMOOTH_TIME", "0.02");
        g1(45, 45, 1, 9.5);
        p.gcode.run("SET_PRESSURE_ADVANCE", "SMOOTH_TIME", "0.03", "ADVANCE", "0.1");
        p.gcode.run("SET_PRESSURE_ADVANCE", "EXTRUDER", "my_extra_stepper", "SMOOTH_TIME", "0.03", "ADVANCE", "0.1");
        g1(50, 50, 1, 10.);
        // the end of a batch run
        p.printer.sendEvent("gcode:request_restart", p.toolhead.getLastMoveTime());
        p.toolhead.dwell(0.5);
        p.toolhead.waitMoves();
        p.printer.reactor.runDueTimers();

        Map<String, List<Long>> ours = StepStreams.fromSim(p.printer.mcu);
        Map<String, List<Long>> klipper = StepStreams.fromDecoded(
                List.of(MoveGcodeRun.resource("pressure_advance.steps.txt").split("\n")));
        // Known difference: after the last pair of SET_PRESSURE_ADVANCE (both change the
        // smoothing window, so both flush), Klipper starts the last move (X45 -> X50, whose
        // first X step is step 28800) 0.25 s later than this test printer does; the step
        // shapes of that move are compared relative to its start.
        List<Long> kx = klipper.get("PF0");
        List<Long> ox = ours.get("PF0");
        long lastMoveStart = Math.abs(kx.get(28800));
        long shift = Math.abs(kx.get(28800)) - Math.abs(ox.get(28800));
        assertEquals(4_000_000, shift, TOLERANCE);
        StringBuilder diffs = new StringBuilder();
        for (String pin : List.of("PF0", "PF6", "PL3", "PA4", "PH5")) {
            diffs.append(compare(pin, klipper.get(pin), ours.getOrDefault(pin, List.of()), lastMoveStart - 400_000,
                    shift));
        }
        assertEquals("", diffs.toString());
    }

    /** Steps of Klipper's from {@code shiftFrom} on are compared {@code shift} clocks earlier. */
    private static String compare(String pin, List<Long> want, List<Long> got, long shiftFrom, long shift) {
        long wantFwd = want.stream().filter(c -> c > 0).count();
        long gotFwd = got.stream().filter(c -> c > 0).count();
        if (want.size() != got.size() || wantFwd != gotFwd) {
            return pin + ": klipper " + wantFwd + "+" + (want.size() - wantFwd) + " steps, ours " + gotFwd + "+"
                    + (got.size() - gotFwd) + "; ";
        }
        for (int i = 0; i < want.size(); i++) {
            long w = Math.abs(want.get(i));
            long diff = Math.abs((w >= shiftFrom ? w - shift : w) - Math.abs(got.get(i)));
            if (diff > TOLERANCE || Long.signum(want.get(i)) != Long.signum(got.get(i))) {
                return pin + " step " + i + ": klipper " + want.get(i) + " ours " + got.get(i) + "; ";
            }
        }
        return "";
    }
}
