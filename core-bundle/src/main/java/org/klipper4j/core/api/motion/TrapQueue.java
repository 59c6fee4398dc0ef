/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/** A time-ordered queue of trapezoidal moves (Klipper's trapq), allocated by {@link MotionQueuing}. */
public interface TrapQueue {

    /** Appends a move made of up to three segments (accel, cruise, decel) starting at {@code printTime}. */
    void append(double printTime, double accelT, double cruiseT, double decelT, double startX, double startY,
            double startZ, double axesRX, double axesRY, double axesRZ, double startV, double cruiseV,
            double accel);

    /** Notes a position change at {@code printTime} (after homing or SET_KINEMATIC_POSITION). */
    void setPosition(double printTime, double x, double y, double z);

    /** The XYZ position at {@code printTime} according to the queue's history, or null if unknown. */
    double[] positionAt(double printTime);

    /**
     * Copies of up to {@code max} moves of the queue's history (moves whose steps were
     * generated, and position markers) that overlap {@code (startTime, endTime)},
     * newest first (Klipper's trapq_extract_old). Stationary filler moves are not kept.
     */
    default java.util.List<TrapMove> extractOld(double startTime, double endTime, int max) {
        return java.util.List.of();
    }
}
