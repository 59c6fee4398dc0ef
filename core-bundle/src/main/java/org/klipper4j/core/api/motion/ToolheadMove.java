/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import org.klipper4j.core.api.gcode.CommandError;

/** A move offered to {@link Kinematics#checkMove} before it is queued. */
public interface ToolheadMove {
    double[] startPos();

    double[] endPos();

    /** Per-axis distance (end - start). */
    double[] axesD();

    /** Cartesian length of the XYZ part. */
    double moveDistance();

    /** Lowers this move's speed and acceleration limits. */
    void limitSpeed(double speed, double accel);

    /** The "Move out of range" error for this move. */
    CommandError moveError(String message);
}
