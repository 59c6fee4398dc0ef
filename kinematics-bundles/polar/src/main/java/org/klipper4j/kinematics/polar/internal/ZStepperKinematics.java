/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** The Z stepper of a polar printer follows the Z coordinate. */
final class ZStepperKinematics implements StepperKinematics {
    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return m.coordZ(moveTime);
    }

    /** Linear in the distance along a move: step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        return m.axesRZ;
    }

    @Override
    public int activeFlags() {
        return AF_Z;
    }
}
