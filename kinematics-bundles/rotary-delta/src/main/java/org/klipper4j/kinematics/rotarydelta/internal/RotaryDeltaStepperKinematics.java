/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.rotarydelta.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The upper arm angle (radians) of one rotary delta shoulder. In the shoulder's
 * frame (x out along the platform, y up, z sideways) the elbow lies on the circle
 * of radius upper_arm around the shoulder, and at distance lower_arm from the
 * effector joint; the sideways offset sjz shortens the lower arm's reach in the
 * xy plane to sqrt(lower_arm^2 - sjz^2). Subtracting the two circle equations gives
 * the line elbow_y = c1 - c2 * elbow_x; with the circle it is a quadratic whose
 * outer root is the elbow, and the angle is atan2 of the elbow position.
 */
final class RotaryDeltaStepperKinematics implements StepperKinematics {
    private final double cos;
    private final double sin;
    private final double shoulderRadius;
    private final double shoulderHeight;
    private final double upperArm2;
    private final double lowerArm2;

    /** @param angle the tower angle in radians */
    RotaryDeltaStepperKinematics(double shoulderRadius, double shoulderHeight, double angle, double upperArm,
            double lowerArm) {
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.shoulderRadius = shoulderRadius;
        this.shoulderHeight = shoulderHeight;
        this.upperArm2 = upperArm * upperArm;
        this.lowerArm2 = lowerArm * lowerArm;
    }

    /** The arm angle for an effector position. */
    double armAngle(double x, double y, double z) {
        double sjz = y * cos - x * sin;
        double sjx = x * cos + y * sin - shoulderRadius;
        double sjy = z - shoulderHeight;
        return twoArmAngle(sjx, sjy, upperArm2, lowerArm2 - sjz * sjz);
    }

    private static double twoArmAngle(double dx, double dy, double upperArm2, double lowerArm2) {
        double invDy = 1. / dy;
        double c1 = .5 * invDy * (dx * dx + dy * dy + upperArm2 - lowerArm2);
        double c2 = dx * invDy;
        double scale = c2 * c2 + 1.;
        double scaledElbowX = c1 * c2 + Math.sqrt(scale * upperArm2 - c1 * c1);
        double scaledElbowY = c1 * scale - c2 * scaledElbowX;
        return Math.atan2(scaledElbowY, scaledElbowX);
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return armAngle(m.coordX(moveTime), m.coordY(moveTime), m.coordZ(moveTime));
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Y | AF_Z;
    }
}
