/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.deltesian.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * A deltesian pillar carriage: its arm reaches the effector from a pivot
 * {@code armX} away along X (negative for the left pillar), so the carriage sits
 * sqrt(arm2 - (x - armX)^2) above the effector's Z.
 */
final class DeltesianStepperKinematics implements StepperKinematics {
    private final double arm2;
    private final double armX;

    DeltesianStepperKinematics(double arm2, double armX) {
        this.arm2 = arm2;
        this.armX = armX;
    }

    double carriagePosition(double x, double z) {
        double dx = x - armX;
        return Math.sqrt(arm2 - dx * dx) + z;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return carriagePosition(m.coordX(moveTime), m.coordZ(moveTime));
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Z;
    }
}
