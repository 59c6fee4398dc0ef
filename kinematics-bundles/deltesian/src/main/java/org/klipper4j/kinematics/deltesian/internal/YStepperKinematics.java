/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.deltesian.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** The Y stepper of a deltesian printer follows the Y coordinate. */
final class YStepperKinematics implements StepperKinematics {
    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return m.coordY(moveTime);
    }

    /** Linear in the distance along a move: step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        return m.axesRY;
    }

    @Override
    public int activeFlags() {
        return AF_Y;
    }
}
