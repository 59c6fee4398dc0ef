/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.delta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaCalibrationProvider;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.kinematics.testing.MoveGcodeRun;
import org.klipper4j.testkit.RecordingHoming;

/**
 * Klipper's example-delta.cfg (without [delta_calibrate]) on a simulated MCU:
 * delta_radius 174.75, arms 333, position_endstop 297.05, 80 steps/mm.
 *
 * Expected values by hand from Klipper's formulas:
 * - carriage height above the effector at the centre: sqrt(333^2 - 174.75^2) = 283.4633;
 *   so the endstops sit at 297.05 + 283.4633 = 580.5133 and limit_z = 580.5133 - 333 = 247.5133;
 * - max radius: min(print_radius 174.75, arm - radius = 158.25, ratio_to_xy(12)) where
 *   ratio_to_xy(r) = r * sqrt(333^2 / (r^2 + 1) - h^2) + h - 174.75 with h half a step
 *   (0.00625 mm): 12 * 27.6545 + 0.00625 - 174.75 = 157.1060.
 */
class DeltaKinematicsTest {
    @TempDir
    Path dir;
    private MoveGcodeRun run;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws Exception {
        run = new MoveGcodeRun(dir, "example-delta.cfg", "delta", new DeltaKinematicsFactory());
        toolhead = run.toolhead;
    }

    @Test
    void statusGivesTheBuildCylinder() {
        Map<String, Object> st = toolhead.getKinematics().getStatus(0);
        assertEquals("", st.get("homed_axes"));
        @SuppressWarnings("unchecked")
        List<Double> max = (List<Double>) st.get("axis_maximum");
        assertEquals(157.1060, max.get(0), 1e-4);
        assertEquals(157.1060, max.get(1), 1e-4);
        assertEquals(297.05, max.get(2), 1e-9);
        @SuppressWarnings("unchecked")
        List<Double> min = (List<Double>) st.get("axis_minimum");
        assertEquals(-157.1060, min.get(0), 1e-4);
        assertEquals(0., min.get(2), 1e-9);
        // the max z height at the maximum radius
        assertEquals(247.5133, (Double) st.get("cone_start_z"), 1e-4);
    }

    @Test
    void moveBeforeHomingAsksToHome() {
        CommandError e = assertThrows(CommandError.class, () -> run.move(10, 0, 0));
        assertEquals("Must home first: 10.000 0.000 0.000 [0.000]", e.getMessage());
    }

    @Test
    void allTowersHomeTogetherFromFarBelowToTheTop() {
        RecordingHoming homing = new RecordingHoming(List.of(2));
        toolhead.getKinematics().home(homing);
        assertEquals(List.of(0, 1, 2), homing.getAxes());
        assertEquals(1, homing.calls().size());
        assertEquals(3, homing.calls().get(0).rails().size());
        // start 1.5 * sqrt(333^2 - 157.1060^2) = 1.5 * 293.6098 below the bed
        double[] force = homing.calls().get(0).forcepos();
        assertEquals(0., force[0], 1e-9);
        assertEquals(0., force[1], 1e-9);
        assertEquals(-440.4147, force[2], 1e-4);
        assertTrue(Double.isNaN(force[3]));
        double[] move = homing.calls().get(0).movepos();
        assertArrayEquals(new double[] {0., 0., 297.05}, java.util.Arrays.copyOf(move, 3), 1e-9);
    }

    /** SET_KINEMATIC_POSITION-style homing at the top centre. */
    private void homed() {
        toolhead.setPosition(new double[] {0., 0., 297.05, 0.}, "xyz");
    }

    @Test
    void settingAllAxesHomedHomesThePrinterAndMotorsOffClearsIt() throws Exception {
        toolhead.setPosition(new double[] {0., 0., 297.05, 0.}, "xz");
        assertEquals("", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        homed();
        assertEquals("xyz", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        // every carriage at its endstop: 297.05 + 283.4633
        for (var s : toolhead.getKinematics().getSteppers()) {
            assertEquals(580.5133, s.getCommandedPosition(), 1e-4, s.getName());
        }
        run.printer.run("M84");
        assertEquals("", toolhead.getKinematics().getStatus(0).get("homed_axes"));
    }

    @Test
    void movesOutsideTheCylinderOrBelowTheBedAreRefused() throws Exception {
        homed();
        run.move(0, 150, 10);
        CommandError wide = assertThrows(CommandError.class, () -> run.move(0, 160, 10));
        assertEquals("Move out of range: 0.000 160.000 10.000 [0.000]", wide.getMessage());
        CommandError low = assertThrows(CommandError.class, () -> run.move(0, 0, -1));
        assertEquals("Move out of range: 0.000 0.000 -1.000 [0.000]", low.getMessage());
    }

    @Test
    void theRadiusTapersAboveLimitZ() throws Exception {
        homed();
        // at z 290 (above limit_z 247.51) the radius is limited to 297.05 - 290 = 7.05
        run.move(0, 0, 290);
        run.move(7, 0, 290);
        assertThrows(CommandError.class, () -> run.move(8, 0, 290));
    }

    @Test
    void calcPositionInvertsTheCarriagePositions() {
        // carriages at their endstops put the effector at the top centre
        double[] pos = toolhead.getKinematics().calcPosition(
                Map.of("stepper_a", 580.5132912741965, "stepper_b", 580.5132912741965, "stepper_c",
                        580.5132912741965));
        assertArrayEquals(new double[] {0., 0., 297.05}, pos, 1e-9);
    }

    @Test
    void calibrationHasTheConfiguredGeometry() {
        DeltaCalibration cal = ((DeltaCalibrationProvider) toolhead.getKinematics()).getCalibration();
        Map<String, Double> p = cal.params();
        assertEquals(174.75, p.get("radius"));
        assertEquals(210., p.get("angle_a"));
        assertEquals(330., p.get("angle_b"));
        assertEquals(90., p.get("angle_c"));
        assertEquals(333., p.get("arm_c"));
        assertEquals(297.05, p.get("endstop_b"));
        assertEquals(40. / 3200., p.get("stepdist_a"), 1e-15);
        assertEquals(List.of("radius", "angle_a", "angle_b", "endstop_a", "endstop_b", "endstop_c"),
                cal.adjustableParams(false));
        assertEquals(9, cal.adjustableParams(true).size());
        // at the top centre every carriage is at its endstop: zero steps below it
        assertArrayEquals(new double[] {0., 0., 0.}, cal.stablePosition(new double[] {0., 0., 297.05}), 1e-6);
        // 80 steps down on every tower lowers the effector by 1 mm
        assertArrayEquals(new double[] {0., 0., 296.05}, cal.positionFromStable(new double[] {80., 80., 80.}),
                1e-9);
        assertEquals("297.050000", cal.savedOptions().get("stepper_a").get("position_endstop"));
        assertTrue(cal.summary().endsWith("delta_radius: 174.750000"), cal.summary());
        Map<String, Double> changed = new java.util.HashMap<>(p);
        changed.put("radius", 170.);
        DeltaCalibration moved = cal.withParams(changed);
        assertEquals(170., moved.params().get("radius"));
    }

    @Test
    void aMissingDeltaRadiusIsNamed() throws Exception {
        String cfg = MoveGcodeRun.resource("example-delta.cfg").replace("delta_radius: 174.75", "");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MoveGcodeRun(dir, "delta", new DeltaKinematicsFactory(), cfg));
        assertTrue(e.getMessage().contains("delta_radius"), e.getMessage());
    }

    @Test
    void armsMustBeLongerThanTheRadius() throws Exception {
        String cfg = MoveGcodeRun.resource("example-delta.cfg").replace("arm_length: 333.0", "arm_length: 100");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MoveGcodeRun(dir, "delta", new DeltaKinematicsFactory(), cfg));
        assertTrue(e.getMessage().contains("arm_length"), e.getMessage());
    }
}
