/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.deltesian.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.kinematics.testing.MoveGcodeRun;
import org.klipper4j.testkit.RecordingHoming;

/**
 * Klipper's example-deltesian.cfg: arms 217 with pivots 160 to either side,
 * pillar endstops at 268, Y 0..200. By hand from Klipper's formulas:
 * - X range: min(160, cos(5 deg) * 217 - 160 = 56.17) -> ceil/floor -> -56..56;
 * - carriage endstops: 268 + sqrt(217^2 - 160^2) = 268 + 146.5913 = 414.5913, so the
 *   homed Z (both carriages at the endstop, X = 0) is 268;
 * - Z max: at X = 56 the left arm rises sqrt(217^2 - 216^2) = 20.8087, so
 *   414.5913 - 20.8087 = 393.78, the right arm sqrt(217^2 - 104^2) = 190.4547,
 *   so 224.1365 (the smaller).
 */
class DeltesianKinematicsTest {
    @TempDir
    Path dir;
    private MoveGcodeRun run;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws Exception {
        run = new MoveGcodeRun(dir, "example-deltesian.cfg", "deltesian", new DeltesianKinematicsFactory());
        toolhead = run.toolhead;
    }

    @Test
    void pillarCarriageRisesByTheArmsVerticalReach() {
        // arm 5, pivot 3 to the left, effector at x 0, z 1: dx = 3, rises 4 -> 5
        assertEquals(5., new DeltesianStepperKinematics(25., -3.).carriagePosition(0., 1.), 1e-12);
        // pivot 3 to the right, effector at x -1: dx = -4, rises 3 -> 3 + 2
        assertEquals(5., new DeltesianStepperKinematics(25., 3.).carriagePosition(-1., 2.), 1e-12);
    }

    @Test
    void statusGivesTheRangesFromTheArms() {
        Map<String, Object> st = toolhead.getKinematics().getStatus(0);
        @SuppressWarnings("unchecked")
        List<Double> max = (List<Double>) st.get("axis_maximum");
        assertEquals(56., max.get(0));
        assertEquals(200., max.get(1));
        assertEquals(224.1365, max.get(2), 1e-4);
        assertEquals(List.of(-56., 0., 0., 0.), st.get("axis_minimum"));
    }

    @Test
    void pillarsHomeXAndZTogetherAndYOnItsOwn() {
        RecordingHoming homing = new RecordingHoming(List.of(1, 2));
        toolhead.getKinematics().home(homing);
        assertEquals(List.of(0, 1, 2), homing.getAxes());
        List<String> log = new ArrayList<>();
        for (RecordingHoming.RailsHomed call : homing.calls()) {
            log.add(call.rails().size() + " " + Arrays.toString(call.forcepos()) + " -> "
                    + Arrays.toString(call.movepos()));
        }
        // XZ from 1.5 * sqrt(217^2 - 160^2) = 219.887 below, to X 0, Z 268
        assertEquals(2, log.size());
        assertTrue(log.get(0).startsWith("2 [0.0, NaN, -219.88"), log.get(0));
        assertTrue(log.get(0).endsWith("-> [0.0, NaN, 268.0, NaN]"), log.get(0));
        // Y toward its endstop at 0 from 1.5 * 200 away
        assertEquals("1 [0.0, 300.0, 268.0, NaN] -> [0.0, 0.0, 268.0, NaN]", log.get(1));
    }

    @Test
    void eachAxisMustBeHomedBeforeItMoves() {
        toolhead.setPosition(new double[] {0., 0., 10., 0.}, "xz");
        assertEquals("xz", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        run.move(10, 0, 10);
        CommandError e = assertThrows(CommandError.class, () -> run.move(10, 5, 10));
        assertEquals("Must home axis first: 10.000 5.000 10.000 [0.000]", e.getMessage());
    }

    @Test
    void movesBeyondTheArmsReachAreRefused() {
        toolhead.setPosition(new double[] {0., 0., 10., 0.}, "xyz");
        CommandError e = assertThrows(CommandError.class, () -> run.move(60, 0, 10));
        assertEquals("Move out of range: 60.000 0.000 10.000 [0.000]", e.getMessage());
        // above the Z max of the X extremes, the centre still reaches up to 268
        run.move(0, 0, 260);
        assertThrows(CommandError.class, () -> run.move(0, 0, 269));
    }

    @Test
    void positionFromCarriagesInvertsTheSolver() {
        toolhead.setPosition(new double[] {12., 34., 56., 0.}, "xyz");
        Map<String, Double> spos = new java.util.HashMap<>();
        for (var s : toolhead.getKinematics().getSteppers()) {
            spos.put(s.getName(), s.getCommandedPosition());
        }
        assertArrayEquals(new double[] {12., 34., 56.}, toolhead.getKinematics().calcPosition(spos), 1e-9);
    }

    @Test
    void armMustBeLongerThanItsPivotOffset() throws Exception {
        String cfg = MoveGcodeRun.resource("example-deltesian.cfg").replace("arm_length: 217", "arm_length: 150");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MoveGcodeRun(dir, "deltesian", new DeltesianKinematicsFactory(), cfg));
        assertTrue(e.getMessage().contains("arm_length"), e.getMessage());
    }
}
