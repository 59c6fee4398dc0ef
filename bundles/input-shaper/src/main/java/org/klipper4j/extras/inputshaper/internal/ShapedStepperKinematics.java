/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * Input shaping of one stepper (Klipper's kin_shaper): the toolhead position on
 * each shaped axis is replaced by the weighted sum of the commanded positions at
 * the shaper's pulse times, reading across neighbouring trapq moves, and the
 * result goes through the stepper's own kinematics. Shaping happens in toolhead
 * coordinates, so it serves every kinematics whose steppers follow X, Y or Z.
 */
public final class ShapedStepperKinematics implements StepperKinematics {
    /** Time into the resting move handed to the wrapped kinematics. */
    private static final double DUMMY_T = 500.;

    private final StepperKinematics original;
    private final ShaperPulses[] pulses = {ShaperPulses.NONE, ShaperPulses.NONE, ShaperPulses.NONE};
    private final TrapMove resting = new TrapMove();

    public ShapedStepperKinematics(StepperKinematics original) {
        this.original = original;
        resting.moveT = 2. * DUMMY_T;
    }

    public StepperKinematics original() {
        return original;
    }

    /** True if the wrapped stepper follows any of the X, Y or Z axes. */
    public static boolean canShape(StepperKinematics sk) {
        return (sk.activeFlags() & (AF_X | AF_Y | AF_Z)) != 0;
    }

    /**
     * Sets the pulses of {@code axis} (0 = X, 1 = Y, 2 = Z), if the wrapped kinematics
     * follows that axis now; otherwise the axis keeps its pulses (a parked dual
     * carriage keeps its own shaper while the other carriage's is set).
     */
    public void setPulses(int axis, ShaperPulses axisPulses) {
        if ((original.activeFlags() & (AF_X << axis)) != 0) {
            pulses[axis] = axisPulses;
        }
    }

    public ShaperPulses getPulses(int axis) {
        return pulses[axis];
    }

    private boolean shapes(int axis) {
        return (original.activeFlags() & (AF_X << axis)) != 0 && !pulses[axis].isEmpty();
    }

    @Override
    public double calcPosition(TrapMove move, double moveTime) {
        if (!shapes(0) && !shapes(1) && !shapes(2)) {
            return original.calcPosition(move, moveTime);
        }
        shapeInto(move, moveTime);
        return original.calcPosition(resting, DUMMY_T);
    }

    @Override
    public double calcPosition(TrapMove move, double moveTime, double commandedPos) {
        if (!shapes(0) && !shapes(1) && !shapes(2)) {
            return original.calcPosition(move, moveTime, commandedPos);
        }
        shapeInto(move, moveTime);
        return original.calcPosition(resting, DUMMY_T, commandedPos);
    }

    @Override
    public double postStepsFixup(double commandedPos) {
        return original.postStepsFixup(commandedPos);
    }

    /** Puts the shaped toolhead position {@code moveTime} into {@code move} into the resting move. */
    private void shapeInto(TrapMove move, double moveTime) {
        resting.startX = shapes(0) ? shapedCoord(move, 0, moveTime) : move.coordX(moveTime);
        resting.startY = shapes(1) ? shapedCoord(move, 1, moveTime) : move.coordY(moveTime);
        resting.startZ = shapes(2) ? shapedCoord(move, 2, moveTime) : move.coordZ(moveTime);
    }

    private double shapedCoord(TrapMove move, int axis, double moveTime) {
        ShaperPulses p = pulses[axis];
        double res = 0.;
        for (int i = 0; i < p.size(); i++) {
            res += p.amplitude(i) * coordAcrossMoves(move, axis, moveTime + p.time(i));
        }
        return res;
    }

    /** The commanded coordinate {@code time} seconds after the start of {@code m}, in whichever move holds it. */
    static double coordAcrossMoves(TrapMove m, int axis, double time) {
        while (time < 0.) {
            TrapMove p = m.prev;
            if (p == null || p.prev == null) {
                // nothing known before the first queued move: it was resting there
                time = 0.;
                break;
            }
            m = p;
            time += m.moveT;
        }
        while (time > m.moveT) {
            if (m.next == null) {
                time = m.moveT;
                break;
            }
            time -= m.moveT;
            m = m.next;
        }
        switch (axis) {
            case 0:
                return m.coordX(time);
            case 1:
                return m.coordY(time);
            default:
                return m.coordZ(time);
        }
    }

    @Override
    public int activeFlags() {
        return original.activeFlags();
    }

    @Override
    public double genStepsPreActive() {
        double window = original.genStepsPreActive();
        for (int axis = 0; axis < 3; axis++) {
            if (shapes(axis)) {
                window = Math.max(window, pulses[axis].preActive());
            }
        }
        return window;
    }

    @Override
    public double genStepsPostActive() {
        double window = original.genStepsPostActive();
        for (int axis = 0; axis < 3; axis++) {
            if (shapes(axis)) {
                window = Math.max(window, pulses[axis].postActive());
            }
        }
        return window;
    }
}
