/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import org.klipper4j.core.api.gcode.CommandError;

/** A move offered to {@link Kinematics#checkMove} before it is queued, and later handed to extra axes. */
public interface ToolheadMove {
    double[] startPos();

    double[] endPos();

    /** Per-axis distance (end - start). */
    double[] axesD();

    /** Per-axis distance divided by the move distance. */
    double[] axesR();

    /** Cartesian length of the XYZ part (or the largest extra-axis distance for extrude-only moves). */
    double moveDistance();

    /** False for moves of extra axes only (extrude-only moves). */
    boolean isKinematicMove();

    /** Lowers this move's speed and acceleration limits. */
    void limitSpeed(double speed, double accel);

    /** Limits the junction speed between this move and the next one. */
    void limitNextJunctionSpeed(double speed);

    /** The highest cruise velocity squared this move may reach. */
    double maxCruiseV2();

    /** The move's acceleration (after limits). */
    double accel();

    // the trapezoid, set when the move leaves the lookahead queue
    double accelT();

    double cruiseT();

    double decelT();

    double startV();

    double cruiseV();

    double endV();

    /** The "Move out of range" error for this move. */
    CommandError moveError(String message);

    default CommandError moveError() {
        return moveError("Move out of range");
    }
}
