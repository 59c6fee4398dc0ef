/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * A stepper whose position is a fixed sum of the toolhead coordinates, e.g.
 * {@code x + z} for a belt stepper or just {@code y} for a cartesian one
 * (corexz, hybrid_corexy, hybrid_corexz).
 */
public final class LinearStepperKinematics implements StepperKinematics {
    private final double kx;
    private final double ky;
    private final double kz;

    /** The stepper's position is {@code kx * x + ky * y + kz * z}. */
    public LinearStepperKinematics(double kx, double ky, double kz) {
        this.kx = kx;
        this.ky = ky;
        this.kz = kz;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        // skip the unused axes so the sum is exactly Klipper's (x + z, x - y, ...)
        double pos = 0.;
        if (kx != 0.) {
            pos += kx * m.coordX(moveTime);
        }
        if (ky != 0.) {
            pos += ky * m.coordY(moveTime);
        }
        if (kz != 0.) {
            pos += kz * m.coordZ(moveTime);
        }
        return pos;
    }

    /** Linear in the distance along a move: step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        double ratio = 0.;
        if (kx != 0.) {
            ratio += kx * m.axesRX;
        }
        if (ky != 0.) {
            ratio += ky * m.axesRY;
        }
        if (kz != 0.) {
            ratio += kz * m.axesRZ;
        }
        return ratio;
    }

    @Override
    public int activeFlags() {
        return (kx != 0. ? AF_X : 0) | (ky != 0. ? AF_Y : 0) | (kz != 0. ? AF_Z : 0);
    }
}
