/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.gcode;

import org.klipper4j.core.api.motion.MoveTransform;

/**
 * What other modules need from the {@code gcode_move} object (Klipper's
 * gcode_move.py). Positions are {@code [x, y, z, e]}.
 */
public interface GCodeMoveState {
    /** The printer object name. */
    String NAME = "gcode_move";

    /**
     * Puts {@code transform} (bed mesh, skew, ...) between G-code moves and the
     * toolhead; returns the transform it replaces (the toolhead if none was set,
     * null if there is no toolhead). Throws a config error if one is already set
     * and {@code force} is false.
     */
    MoveTransform setMoveTransform(MoveTransform transform, boolean force);

    /** Re-reads the position from the move transform (after homing, a manual move, an error). */
    void resetLastPosition();

    /** The last commanded position in toolhead coordinates (Klipper's {@code position}). */
    double[] getLastPosition();

    /** The position as G-code sees it: offsets removed, E divided by the extrude factor. */
    double[] getGCodePosition();

    /** Sets the G-code origin of the homed axes (0=x, 1=y, 2=z) to their homing offset; call after homing. */
    void handleHomed(int... axes);

    /** A new extruder became active: its E position starts where the last one left off. */
    void handleActivateExtruder();
}
