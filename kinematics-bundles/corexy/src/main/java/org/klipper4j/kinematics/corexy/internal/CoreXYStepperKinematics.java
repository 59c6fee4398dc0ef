/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexy.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** A corexy belt stepper: position x + y (the "+" stepper) or x - y (the "-" stepper). */
final class CoreXYStepperKinematics implements StepperKinematics {
    private final boolean plus;

    CoreXYStepperKinematics(boolean plus) {
        this.plus = plus;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        double x = m.coordX(moveTime);
        double y = m.coordY(moveTime);
        return plus ? x + y : x - y;
    }

    /** Linear in the distance along a move: step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        return plus ? m.axesRX + m.axesRY : m.axesRX - m.axesRY;
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Y;
    }
}
