/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.delta.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * A delta tower carriage: the arm of length {@code sqrt(arm2)} joins the carriage
 * at height h above the effector, so h = sqrt(arm2 - dx^2 - dy^2) with dx, dy the
 * XY offset from the tower to the effector, and the carriage sits at z + h.
 */
final class DeltaStepperKinematics implements StepperKinematics {
    private final double arm2;
    private final double towerX;
    private final double towerY;

    DeltaStepperKinematics(double arm2, double towerX, double towerY) {
        this.arm2 = arm2;
        this.towerX = towerX;
        this.towerY = towerY;
    }

    /** The carriage position for an effector position. */
    double carriagePosition(double x, double y, double z) {
        double dx = towerX - x;
        double dy = towerY - y;
        return Math.sqrt(arm2 - dx * dx - dy * dy) + z;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return carriagePosition(m.coordX(moveTime), m.coordY(moveTime), m.coordZ(moveTime));
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Y | AF_Z;
    }
}
