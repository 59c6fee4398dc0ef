/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

class DualCarriageStepperKinematicsTest {
    /** A hybrid-corexy style belt stepper: x + y. */
    private static final StepperKinematics X_PLUS_Y = new StepperKinematics() {
        @Override
        public double calcPosition(TrapMove m, double moveTime) {
            return m.coordX(moveTime) + m.coordY(moveTime);
        }

        @Override
        public int activeFlags() {
            return AF_X | AF_Y;
        }
    };

    /** A move from (10, 5) along +x at 10 mm/s. */
    private static TrapMove move() {
        TrapMove m = new TrapMove();
        m.startX = 10.;
        m.startY = 5.;
        m.axesRX = 1.;
        m.startV = 10.;
        m.moveT = 2.;
        return m;
    }

    @Test
    void untransformedItIsTheOriginal() {
        DualCarriageStepperKinematics sk = new DualCarriageStepperKinematics(X_PLUS_Y);
        assertEquals(25., sk.calcPosition(move(), 1.));
        assertEquals(StepperKinematics.AF_X | StepperKinematics.AF_Y, sk.activeFlags());
    }

    @Test
    void parkedItKeepsItsOffsetButStillFollowsTheOtherAxis() {
        DualCarriageStepperKinematics sk = new DualCarriageStepperKinematics(X_PLUS_Y);
        sk.setTransform(0, 0., 150.);
        assertEquals(155., sk.calcPosition(move(), 1.));
        assertEquals(StepperKinematics.AF_Y, sk.activeFlags());
    }

    @Test
    void mirroredItMovesAgainstX() {
        DualCarriageStepperKinematics sk = new DualCarriageStepperKinematics(X_PLUS_Y);
        sk.setTransform(0, 0., 150.);
        sk.setTransform(0, -1., 200.);
        // x is 20 one second in: -20 + 200 + 5
        assertEquals(185., sk.calcPosition(move(), 1.));
        assertEquals(StepperKinematics.AF_X | StepperKinematics.AF_Y, sk.activeFlags());
    }

    @Test
    void onlyXAndYCanBeTransformed() {
        DualCarriageStepperKinematics sk = new DualCarriageStepperKinematics(X_PLUS_Y);
        assertThrows(IllegalArgumentException.class, () -> sk.setTransform(2, 1., 0.));
    }
}
