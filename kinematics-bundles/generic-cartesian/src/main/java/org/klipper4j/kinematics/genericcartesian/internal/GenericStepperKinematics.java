/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** A stepper whose position is a x + b y + c z, with coefficients SET_STEPPER_CARRIAGES may change. */
final class GenericStepperKinematics implements StepperKinematics {
    private double kx;
    private double ky;
    private double kz;

    GenericStepperKinematics(double[] coeffs) {
        setCoeffs(coeffs);
    }

    void setCoeffs(double[] coeffs) {
        kx = coeffs[0];
        ky = coeffs[1];
        kz = coeffs[2];
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        double dist = m.getDistance(moveTime);
        return kx * (m.startX + m.axesRX * dist) + ky * (m.startY + m.axesRY * dist)
                + kz * (m.startZ + m.axesRZ * dist);
    }

    /** Linear in the distance along a move: step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        return kx * m.axesRX + ky * m.axesRY + kz * m.axesRZ;
    }

    @Override
    public int activeFlags() {
        return (kx != 0. ? AF_X : 0) | (ky != 0. ? AF_Y : 0) | (kz != 0. ? AF_Z : 0);
    }
}
