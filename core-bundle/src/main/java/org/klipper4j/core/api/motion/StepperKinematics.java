/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * The position of one stepper as a function of toolhead motion (Klipper's
 * {@code stepper_kinematics}): a kinematics bundle provides one per stepper, the
 * step solver searches it for step times.
 */
public interface StepperKinematics {
    /** Active flag: the stepper moves when X moves. */
    int AF_X = 1;
    int AF_Y = 2;
    int AF_Z = 4;

    /** The stepper position (mm, or radians) {@code moveTime} seconds into {@code move}. */
    double calcPosition(TrapMove move, double moveTime);

    /**
     * The stepper position given the position the solver last committed
     * ({@code commandedPos}, constant during one range of steps): kinematics whose
     * position wraps around (the polar bed angle) pick the turn nearest to it.
     */
    default double calcPosition(TrapMove move, double moveTime, double commandedPos) {
        return calcPosition(move, moveTime);
    }

    /**
     * Adjusts the commanded position after a range of steps (Klipper's {@code post_cb}),
     * e.g. to keep an angle within [-pi, pi]; returns it unchanged by default.
     */
    default double postStepsFixup(double commandedPos) {
        return commandedPos;
    }

    /**
     * For a stepper whose position within {@code move} is linear in the distance
     * travelled along it, {@code calcPosition(move, t) == calcPosition(move, 0) +
     * ratio * move.getDistance(t)}: returns that ratio (e.g. {@code axesRX} for a
     * cartesian X stepper, {@code axesRX + axesRY} for a corexy "+" stepper). The step
     * solver then computes step times in closed form instead of searching. The
     * default, {@code NaN}, means "not linear" (shaped, delta, pressure advance, ...)
     * and keeps the iterative search; it may change from one move to the next.
     */
    default double linearDistanceRatio(TrapMove move) {
        return Double.NaN;
    }

    /** Which axes move this stepper (AF_* bits); moves with none of them are skipped. */
    int activeFlags();

    /** Seconds before a move that steps must be generated (input shapers); 0 for none. */
    default double genStepsPreActive() {
        return 0.0;
    }

    /** Seconds after a move that steps must still be generated. */
    default double genStepsPostActive() {
        return 0.0;
    }
}
