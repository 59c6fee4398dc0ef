/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** A cartesian stepper: its position is one toolhead coordinate. */
final class CartesianStepperKinematics implements StepperKinematics {
    private final char axis;

    CartesianStepperKinematics(char axis) {
        if (axis < 'x' || axis > 'z') {
            throw new IllegalArgumentException("axis must be x, y or z: " + axis);
        }
        this.axis = axis;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        switch (axis) {
            case 'x':
                return m.coordX(moveTime);
            case 'y':
                return m.coordY(moveTime);
            default:
                return m.coordZ(moveTime);
        }
    }

    /** Linear in the distance along a move: step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        switch (axis) {
            case 'x':
                return m.axesRX;
            case 'y':
                return m.axesRY;
            default:
                return m.axesRZ;
        }
    }

    @Override
    public int activeFlags() {
        return AF_X << (axis - 'x');
    }
}
