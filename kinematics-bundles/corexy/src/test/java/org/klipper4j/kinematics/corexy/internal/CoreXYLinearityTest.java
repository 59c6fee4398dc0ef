/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The ratios the corexy steppers declare to the step solver (position linear in
 * the distance along a move) agree with their positions.
 */
class CoreXYLinearityTest {
    /** 5 mm/s start, 100 mm/s^2, from (10, 20, 3) along (0.6, 0.8, 0). */
    private static TrapMove move() {
        TrapMove m = new TrapMove();
        m.printTime = 1.;
        m.moveT = 0.5;
        m.startV = 5.;
        m.halfAccel = 50.;
        m.startX = 10.;
        m.startY = 20.;
        m.startZ = 3.;
        m.axesRX = .6;
        m.axesRY = .8;
        return m;
    }

    private static void assertLinear(StepperKinematics sk, double expectedRatio) {
        TrapMove m = move();
        assertEquals(expectedRatio, sk.linearDistanceRatio(m), 1e-15);
        for (double t = 0.; t <= m.moveT; t += .05) {
            assertEquals(sk.calcPosition(m, t), sk.calcPosition(m, 0.) + expectedRatio * m.getDistance(t), 1e-12);
        }
    }

    @Test
    void beltSteppersDeclareTheSumAndDifferenceOfTheAxisRatios() {
        assertLinear(new CoreXYStepperKinematics(true), 1.4);
        assertLinear(new CoreXYStepperKinematics(false), -.2);
    }

    @Test
    void zStepperDeclaresTheZRatio() {
        assertLinear(new ZStepperKinematics(), 0.);
    }
}
