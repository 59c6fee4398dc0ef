/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** The manual stepper follows the X coordinate of its own trapq. */
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
