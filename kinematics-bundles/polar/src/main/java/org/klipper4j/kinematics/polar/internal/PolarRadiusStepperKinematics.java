/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** The polar arm: its position is the distance of the toolhead from the bed's centre. */
final class PolarRadiusStepperKinematics implements StepperKinematics {
    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        double x = m.coordX(moveTime);
        double y = m.coordY(moveTime);
        return Math.sqrt(x * x + y * y);
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Y;
    }
}
