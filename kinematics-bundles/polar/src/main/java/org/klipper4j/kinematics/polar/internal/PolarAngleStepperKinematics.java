/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The polar bed: its angle is atan2(y, x), taken on the turn nearest to the
 * stepper's commanded angle so that crossing the -X axis does not spin the bed a
 * full turn back; after each range of steps the commanded angle is brought back
 * into [-pi, pi] so it never winds up (as Klipper's kin_polar does).
 */
final class PolarAngleStepperKinematics implements StepperKinematics {
    /** The angle for a position, on the turn nearest {@code commandedPos}. */
    static double angle(double x, double y, double commandedPos) {
        double angle = Math.atan2(y, x);
        if (angle - commandedPos > Math.PI) {
            angle -= 2. * Math.PI;
        } else if (angle - commandedPos < -Math.PI) {
            angle += 2. * Math.PI;
        }
        return angle;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return Math.atan2(m.coordY(moveTime), m.coordX(moveTime));
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime, double commandedPos) {
        return angle(m.coordX(moveTime), m.coordY(moveTime), commandedPos);
    }

    @Override
    public double postStepsFixup(double commandedPos) {
        if (commandedPos < -Math.PI) {
            return commandedPos + 2. * Math.PI;
        }
        if (commandedPos > Math.PI) {
            return commandedPos - 2. * Math.PI;
        }
        return commandedPos;
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Y;
    }
}
