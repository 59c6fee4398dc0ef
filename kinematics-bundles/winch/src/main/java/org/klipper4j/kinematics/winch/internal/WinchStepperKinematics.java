/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.winch.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/** A cable winch: its position is the cable length, the distance from its anchor to the toolhead. */
final class WinchStepperKinematics implements StepperKinematics {
    private final double anchorX;
    private final double anchorY;
    private final double anchorZ;

    WinchStepperKinematics(double anchorX, double anchorY, double anchorZ) {
        this.anchorX = anchorX;
        this.anchorY = anchorY;
        this.anchorZ = anchorZ;
    }

    double cableLength(double x, double y, double z) {
        double dx = anchorX - x;
        double dy = anchorY - y;
        double dz = anchorZ - z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        return cableLength(m.coordX(moveTime), m.coordY(moveTime), m.coordZ(moveTime));
    }

    @Override
    public int activeFlags() {
        return AF_X | AF_Y | AF_Z;
    }
}
