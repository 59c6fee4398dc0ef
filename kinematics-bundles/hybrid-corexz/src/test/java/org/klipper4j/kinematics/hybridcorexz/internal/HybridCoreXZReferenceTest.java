/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.hybridcorexz.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.motion.LinearStepperKinematics;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.kinematics.testing.MoveGcodeRun;

/** Klipper's printers test (move.gcode) on example-hybrid-corexz.cfg, compared step by step with Klipper's output. */
class HybridCoreXZReferenceTest {
    @TempDir
    Path dir;

    @Test
    void moveGcodeStepsMatchKlipperOutput() throws Exception {
        MoveGcodeRun run = new MoveGcodeRun(dir, "example-hybrid-corexz.cfg", "hybrid_corexz", new HybridCoreXZKinematicsFactory());
        run.runMoveGcode(MoveGcodeRun.extrudeRatio(.4, 1.75), 300, 3000);
        assertEquals("", run.compareWith("printers-example-hybrid-corexz.steps.txt", List.of("PF0", "PF6", "PL3")));
    }

    @Test
    void xStepperFollowsItsCoordinateSum() {
        TrapMove m = new TrapMove();
        m.startX = 3;
        m.startY = 1;
        m.startZ = 2;
        m.moveT = 1;
        assertEquals(1., new LinearStepperKinematics(1., 0., -1.).calcPosition(m, 0), 1e-12);
        assertEquals(StepperKinematics.AF_X | StepperKinematics.AF_Z, new LinearStepperKinematics(1., 0., -1.).activeFlags());
    }

    @Test
    void positionFromSteppers() throws Exception {
        MoveGcodeRun run = new MoveGcodeRun(dir, "example-hybrid-corexz.cfg", "hybrid_corexz", new HybridCoreXZKinematicsFactory());
        double[] pos = run.toolhead.getKinematics().calcPosition(
                Map.of("stepper_x", 4., "stepper_y", 2., "stepper_z", 7.));
        assertArrayEquals(new double[] {11., 2., 7.}, pos, 1e-12);
    }
}
