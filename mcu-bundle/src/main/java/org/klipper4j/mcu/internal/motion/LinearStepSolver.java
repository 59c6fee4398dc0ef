/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * Step times in closed form for a stepper whose position is linear in the distance
 * travelled along a move ({@link StepperKinematics#linearDistanceRatio}). Within one
 * constant-acceleration move that position is quadratic in time and, while the
 * velocity keeps its sign, monotonic, so each half-step crossing (the step
 * convention of {@link IterativeSolver}) is one root of a quadratic. The direction
 * change and "fully reached" rules are those of the iterative search, so both paths
 * give the same steps to within the search's tolerance.
 */
final class LinearStepSolver {
    /** The iterative search accepts a position this close to the target as a hit. */
    private static final double POSITION_EPS = .000000001;
    /** The iterative search sees a reversal only past the step point by this much. */
    private static final double REVERSAL_MARGIN = .000000010;

    private LinearStepSolver() {
    }

    /**
     * True if the part of {@code m} between {@code start} and {@code end} (seconds
     * into the move) moves in one direction: the velocity does not change sign.
     */
    static boolean isMonotonic(TrapMove m, double start, double end) {
        double vStart = m.startV + 2. * m.halfAccel * start;
        double vEnd = m.startV + 2. * m.halfAccel * end;
        return (vStart >= 0. && vEnd >= 0.) || (vStart <= 0. && vEnd <= 0.);
    }

    /**
     * Appends the steps of {@code m} between {@code start} and {@code end} (seconds
     * into the move, already clipped to it) and returns the new commanded position
     * (the position of the last step, or {@code commandedPos} if there was none).
     */
    static double generate(StepCompressor sc, StepperKinematics sk, TrapMove m, double start, double end,
            double ratio, double commandedPos, double stepDist) {
        double halfStep = .5 * stepDist;
        double base = sk.calcPosition(m, 0., commandedPos);
        double v = m.startV;
        double ha = m.halfAccel;
        double dStart = m.getDistance(start);
        double dEnd = m.getDistance(end);
        double endPos = base + ratio * dEnd;
        // the sign of the distance's motion picks the root of the quadratic
        double rootSign = dEnd >= dStart ? 1. : -1.;
        int sdir = sc.getStepDir();
        double target = commandedPos + (sdir != 0 ? halfStep : -halfStep);
        double relEnd = sdir != 0 ? endPos - target : target - endPos;
        if (relEnd < -(halfStep + halfStep + REVERSAL_MARGIN)) {
            // the stepper ends a full step behind: it reverses
            sdir = sdir != 0 ? 0 : 1;
            target = sdir != 0 ? target + halfStep + halfStep : target - halfStep - halfStep;
            relEnd = sdir != 0 ? endPos - target : target - endPos;
        }
        double lastTime = start;
        double printTime = m.printTime;
        while (relEnd >= -POSITION_EPS) {
            double t = timeAtDistance(v, ha, (target - base) / ratio, rootSign);
            if (!(t >= lastTime)) {
                // rounding put it before the previous step (or the range): keep order
                t = lastTime;
            } else if (t > end) {
                t = end;
            }
            sc.append(sdir, printTime, t);
            lastTime = t;
            target = sdir != 0 ? target + halfStep + halfStep : target - halfStep - halfStep;
            relEnd = sdir != 0 ? endPos - target : target - endPos;
        }
        if (relEnd >= -halfStep) {
            // the stepper fully reached the last step's position: no rollback
            sc.commit();
        }
        return target - (sdir != 0 ? halfStep : -halfStep);
    }

    /**
     * The first time at which {@code startV * t + halfAccel * t^2 == dist}, in the
     * cancellation-free form {@code 2 d / (v + sign * sqrt(v^2 + 4 a d))}.
     */
    static double timeAtDistance(double startV, double halfAccel, double dist, double rootSign) {
        if (halfAccel == 0.) {
            return dist / startV;
        }
        double disc = startV * startV + 4. * halfAccel * dist;
        double denom = startV + rootSign * Math.sqrt(disc > 0. ? disc : 0.);
        return denom != 0. ? 2. * dist / denom : 0.;
    }
}
