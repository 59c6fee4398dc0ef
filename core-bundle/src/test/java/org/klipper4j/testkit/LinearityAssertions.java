/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * Checks the ratio a stepper kinematics declares to the step solver
 * ({@link StepperKinematics#linearDistanceRatio}) against its own positions.
 */
public final class LinearityAssertions {
    private LinearityAssertions() {
    }

    /** 5 mm/s start, 100 mm/s^2 for 0.5 s, from (10, 20, 3) along (0.6, 0.8, 0). */
    public static TrapMove diagonalMove() {
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

    /** The declared ratio is {@code expectedRatio} and position = start + ratio * distance along the move. */
    public static void assertLinear(StepperKinematics sk, double expectedRatio) {
        TrapMove m = diagonalMove();
        assertEquals(expectedRatio, sk.linearDistanceRatio(m), 1e-15);
        for (double t = 0.; t <= m.moveT; t += .05) {
            assertEquals(sk.calcPosition(m, t), sk.calcPosition(m, 0.) + expectedRatio * m.getDistance(t), 1e-12);
        }
    }
}
