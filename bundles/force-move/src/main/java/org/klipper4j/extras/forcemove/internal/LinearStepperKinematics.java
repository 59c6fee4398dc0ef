/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** A forced move drives its stepper along the X coordinate of a private trapq. */
final class LinearStepperKinematics implements StepperKinematics {

    @Override
    public double calcPosition(TrapMove move, double moveTime) {
        return move.coordX(moveTime);
    }

    @Override
    public int activeFlags() {
        return AF_X;
    }
}
