/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * An axis beyond XYZ driven through the toolhead, such as an extruder (Klipper's
 * extra axes); {@code eIndex} is the axis index in the position vector (3 for E).
 */
public interface ExtraAxis {
    /** The printer object name (e.g. {@code extruder}); empty for the placeholder. */
    String getName();

    /** The highest junction speed squared this axis allows between two moves. */
    double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex);

    /** Validates a move of this axis; throws the move's error if not allowed. */
    void checkMove(ToolheadMove move, int eIndex);

    /** Queues this axis' part of a move starting at {@code printTime}. */
    void processMove(double printTime, ToolheadMove move, int eIndex);

    /**
     * The G-code letter that moves this axis (e.g. {@code A} for a manual stepper
     * registered with GCODE_AXIS=A); null for axes that G1 does not address by letter.
     */
    default String getAxisGcodeId() {
        return null;
    }

    /** The trapq this axis queues its moves on (an extruder's), or null if it has none of its own. */
    default TrapQueue getTrapq() {
        return null;
    }
}
