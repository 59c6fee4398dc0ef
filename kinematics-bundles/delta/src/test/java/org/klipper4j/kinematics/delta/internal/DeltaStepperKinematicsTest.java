/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.delta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * Klipper's delta carriage position is sqrt(arm^2 - dx^2 - dy^2) + z, with dx, dy
 * the XY offset from the tower to the effector. The cases use Pythagorean triples
 * so the expected values are exact by hand.
 */
class DeltaStepperKinematicsTest {
    @Test
    void carriageSitsAboveTheEffectorByTheArmsVerticalReach() {
        // arm 5, tower at (3, 0), effector at (0, 0, 1): dx = 3, so the arm rises 4 -> 4 + 1
        assertEquals(5., new DeltaStepperKinematics(25., 3., 0.).carriagePosition(0., 0., 1.), 1e-12);
        // arm 13, tower at (0, 5), effector at (12, 5, -2): dx = -12, dy = 0, rises 5 -> 5 - 2
        assertEquals(3., new DeltaStepperKinematics(169., 0., 5.).carriagePosition(12., 5., -2.), 1e-12);
    }

    @Test
    void followsTheMoveAlongAllThreeAxes() {
        DeltaStepperKinematics sk = new DeltaStepperKinematics(25., 3., 0.);
        TrapMove m = new TrapMove();
        m.moveT = 2.;
        m.startV = 1.;
        m.axesRZ = 1.;
        // after 1 s at 1 mm/s straight up, the effector is at (0, 0, 1): 4 + 1
        assertEquals(5., sk.calcPosition(m, 1.), 1e-12);
        assertEquals(StepperKinematics.AF_X | StepperKinematics.AF_Y | StepperKinematics.AF_Z, sk.activeFlags());
    }
}
