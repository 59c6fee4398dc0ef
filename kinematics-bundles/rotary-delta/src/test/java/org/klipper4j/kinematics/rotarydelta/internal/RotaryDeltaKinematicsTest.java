/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.rotarydelta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
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
 * Klipper's example-rotary-delta.cfg (without [delta_calibrate]): shoulders 33.9
 * from the centre at height 412.9, upper arms 170, lower arms 320, endstops at
 * Z 252. The reachable radius is min(33.9 + 170, 320 - 33.9) = 203.9.
 */
class RotaryDeltaKinematicsTest {
    @TempDir
    Path dir;
    private MoveGcodeRun run;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws Exception {
        run = new MoveGcodeRun(dir, "example-rotary-delta.cfg", "rotary_delta", new RotaryDeltaKinematicsFactory());
        toolhead = run.toolhead;
    }

    @Test
    void statusGivesTheBuildCylinder() {
        Map<String, Object> st = toolhead.getKinematics().getStatus(0);
        assertEquals("", st.get("homed_axes"));
        assertEquals(List.of(203.9, 203.9, 252., 0.), st.get("axis_maximum"));
        assertEquals(List.of(-203.9, -203.9, 0., 0.), st.get("axis_minimum"));
    }

    @Test
    void allArmsHomeTogetherFromJustBelowTheBed() {
        RecordingHoming homing = new RecordingHoming(List.of(0));
        toolhead.getKinematics().home(homing);
        assertEquals(List.of(0, 1, 2), homing.getAxes());
        assertEquals(1, homing.calls().size());
        RecordingHoming.RailsHomed call = homing.calls().get(0);
        assertEquals(3, call.rails().size());
        assertArrayEquals(new double[] {0., 0., -1.}, Arrays.copyOf(call.forcepos(), 3), 1e-9);
        // the arms at their endstop angles put the effector back at (0, 0, 252)
        assertArrayEquals(new double[] {0., 0., 252.}, Arrays.copyOf(call.movepos(), 3), 1e-9);
    }

    @Test
    void moveBeforeHomingAsksToHome() {
        CommandError e = assertThrows(CommandError.class, () -> run.move(10, 0, 0));
        assertEquals("Must home first: 10.000 0.000 0.000 [0.000]", e.getMessage());
    }

    @Test
    void homedMovesAreCheckedAgainstTheCylinder() {
        toolhead.setPosition(new double[] {0., 0., 252., 0.}, "xyz");
        assertEquals("xyz", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        run.move(0, 100, 10);
        CommandError e = assertThrows(CommandError.class, () -> run.move(0, 210, 10));
        assertEquals("Move out of range: 0.000 210.000 10.000 [0.000]", e.getMessage());
        assertThrows(CommandError.class, () -> run.move(0, 0, 253));
    }

    @Test
    void steppersCountRadiansAndPositionsInvert() {
        toolhead.setPosition(new double[] {10., -20., 30., 0.}, "xyz");
        var steppers = toolhead.getKinematics().getSteppers();
        assertTrue(steppers.get(0).unitsInRadians());
        Map<String, Double> angles = new java.util.HashMap<>();
        for (var s : steppers) {
            angles.put(s.getName(), s.getCommandedPosition());
        }
        assertArrayEquals(new double[] {10., -20., 30.}, toolhead.getKinematics().calcPosition(angles), 1e-9);
    }

    @Test
    void calibrationRoundTripsThroughStepCounts() {
        DeltaCalibration cal = ((DeltaCalibrationProvider) toolhead.getKinematics()).getCalibration();
        assertEquals(33.9, cal.params().get("shoulder_radius"));
        assertEquals(320., cal.params().get("lower_arm_b"));
        assertEquals(150., cal.params().get("angle_b"));
        assertEquals(List.of("shoulder_height", "endstop_a", "endstop_b", "endstop_c"), cal.adjustableParams(false));
        assertArrayEquals(new double[] {0., 0., 0.}, cal.stablePosition(new double[] {0., 0., 252.}), 1e-6);
        double[] stable = cal.stablePosition(new double[] {5., 6., 100.});
        assertArrayEquals(new double[] {5., 6., 100.}, cal.positionFromStable(stable), 1e-6);
        assertEquals("252.000000", cal.savedOptions().get("stepper_c").get("position_endstop"));
    }

    @Test
    void missingShoulderHeightIsNamed() throws Exception {
        String cfg = MoveGcodeRun.resource("example-rotary-delta.cfg").replace("shoulder_height: 412.900", "");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MoveGcodeRun(dir, "rotary_delta", new RotaryDeltaKinematicsFactory(), cfg));
        assertTrue(e.getMessage().contains("shoulder_height"), e.getMessage());
    }
}
