/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * Wraps a stepper's kinematics so its carriage follows a scaled and shifted X or Y:
 * scale 1 drives it with the toolhead, -1 mirrors it, 0 parks it at the offset
 * (and then moves along that axis generate no steps for it).
 */
public final class DualCarriageStepperKinematics implements StepperKinematics {
    private final StepperKinematics original;
    // the stopped "move" handed to the original kinematics with the transformed position
    private final TrapMove still = new TrapMove();
    private double xScale = 1.;
    private double xOffset;
    private double yScale = 1.;
    private double yOffset;
    private int activeFlags;

    public DualCarriageStepperKinematics(StepperKinematics original) {
        this.original = original;
        this.activeFlags = original.activeFlags();
        still.moveT = 1000.;
    }

    public StepperKinematics original() {
        return original;
    }

    /** Sets the transform of {@code axis} (0 = x, 1 = y): position = coordinate * scale + offset. */
    public void setTransform(int axis, double scale, double offset) {
        int flag = axis == 0 ? AF_X : AF_Y;
        if (axis == 0) {
            xScale = scale;
            xOffset = offset;
        } else if (axis == 1) {
            yScale = scale;
            yOffset = offset;
        } else {
            throw new IllegalArgumentException("dual carriage axis must be x or y: " + axis);
        }
        if (scale == 0.) {
            activeFlags &= ~flag;
        } else if ((original.activeFlags() & flag) != 0) {
            activeFlags |= flag;
        }
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        transformInto(m, moveTime);
        return original.calcPosition(still, 500.);
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime, double commandedPos) {
        transformInto(m, moveTime);
        return original.calcPosition(still, 500., commandedPos);
    }

    @Override
    public double postStepsFixup(double commandedPos) {
        return original.postStepsFixup(commandedPos);
    }

    private void transformInto(TrapMove m, double moveTime) {
        double dist = m.getDistance(moveTime);
        still.startX = (m.startX + m.axesRX * dist) * xScale + xOffset;
        still.startY = (m.startY + m.axesRY * dist) * yScale + yOffset;
        still.startZ = m.startZ + m.axesRZ * dist;
    }

    @Override
    public int activeFlags() {
        return activeFlags;
    }

    @Override
    public double genStepsPreActive() {
        return original.genStepsPreActive();
    }

    @Override
    public double genStepsPostActive() {
        return original.genStepsPostActive();
    }
}
