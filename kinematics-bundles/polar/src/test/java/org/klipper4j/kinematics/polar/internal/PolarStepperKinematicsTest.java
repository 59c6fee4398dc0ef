/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The polar bed angle is atan2(y, x) taken within pi of the commanded angle, and
 * the commanded angle is folded back into [-pi, pi] after each range of steps
 * (Klipper's kin_polar.c); the arm position is the distance from the centre.
 */
class PolarStepperKinematicsTest {
    @Test
    void armPositionIsTheDistanceFromTheCentre() {
        TrapMove m = new TrapMove();
        m.startX = 3.;
        m.startY = -4.;
        m.moveT = 1.;
        assertEquals(5., new PolarRadiusStepperKinematics().calcPosition(m, 0.), 1e-12);
    }

    @Test
    void angleNearTheCommandedAngleNeedsNoWrap() {
        assertEquals(Math.PI / 4, PolarAngleStepperKinematics.angle(1., 1., 0.5), 1e-12);
    }

    @Test
    void crossingTheNegativeXAxisKeepsTurningTheSameWay() {
        // just above -X atan2 gives +179.9 degrees; coming from -179 degrees the bed
        // continues to -180.1 degrees instead of spinning back a whole turn
        double commanded = Math.toRadians(-179.);
        double a = PolarAngleStepperKinematics.angle(-1., 0.001, commanded);
        assertEquals(Math.atan2(0.001, -1.) - 2. * Math.PI, a, 1e-12);
        // and the other way round
        a = PolarAngleStepperKinematics.angle(-1., -0.001, Math.toRadians(179.));
        assertEquals(Math.atan2(-0.001, -1.) + 2. * Math.PI, a, 1e-12);
    }

    @Test
    void solverSeesTheWrapThroughTheCommandedPosition() {
        TrapMove m = new TrapMove();
        m.startX = -1.;
        m.startY = 0.001;
        m.moveT = 1.;
        PolarAngleStepperKinematics sk = new PolarAngleStepperKinematics();
        assertEquals(Math.atan2(0.001, -1.) - 2. * Math.PI, sk.calcPosition(m, 0., -3.1), 1e-12);
        assertEquals(Math.atan2(0.001, -1.), sk.calcPosition(m, 0., 3.1), 1e-12);
    }

    @Test
    void commandedAngleIsFoldedBackIntoOneTurn() {
        PolarAngleStepperKinematics sk = new PolarAngleStepperKinematics();
        assertEquals(3.5 - 2. * Math.PI, sk.postStepsFixup(3.5), 1e-12);
        assertEquals(-3.5 + 2. * Math.PI, sk.postStepsFixup(-3.5), 1e-12);
        assertEquals(3., sk.postStepsFixup(3.), 0.);
    }
}
