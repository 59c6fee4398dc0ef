/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexy.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.kinematics.testing.MoveGcodeRun;

/** Klipper's printers test (move.gcode) on example-corexy.cfg, compared step by step with Klipper's output. */
class CoreXYReferenceTest {
    @TempDir
    Path dir;

    @Test
    void moveGcodeStepsMatchKlipperOutput() throws Exception {
        MoveGcodeRun run = new MoveGcodeRun(dir, "example-corexy.cfg", "corexy", new CoreXYKinematicsFactory());
        run.runMoveGcode(MoveGcodeRun.extrudeRatio(.4, 1.75), 300, 3000);
        assertEquals("", run.compareWith("printers-example-corexy.steps.txt", List.of("PF0", "PF6", "PL3")));
    }

    @Test
    void beltSteppersMoveWithXPlusYAndXMinusY() {
        TrapMove m = new TrapMove();
        m.startX = 3;
        m.startY = 1;
        m.moveT = 1;
        assertEquals(4., new CoreXYStepperKinematics(true).calcPosition(m, 0), 1e-12);
        assertEquals(2., new CoreXYStepperKinematics(false).calcPosition(m, 0), 1e-12);
    }

    @Test
    void positionFromBeltsIsTheirHalfSumAndHalfDifference() throws Exception {
        MoveGcodeRun run = new MoveGcodeRun(dir, "example-corexy.cfg", "corexy", new CoreXYKinematicsFactory());
        double[] pos = run.toolhead.getKinematics().calcPosition(
                Map.of("stepper_x", 4., "stepper_y", 2., "stepper_z", 7.));
        assertArrayEquals(new double[] {3., 1., 7.}, pos, 1e-12);
    }
}
