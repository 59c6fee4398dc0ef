/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * Where gcode_move sends moves (the toolhead, or a transform in front of it such
 * as bed mesh or skew), as Klipper's move transform.
 */
public interface MoveTransform {
    /** The current position [x, y, z, e, ...] in toolhead coordinates. */
    double[] getPosition();

    /** Moves to {@code newpos} at {@code speed} mm/s. */
    void move(double[] newpos, double speed);
}
