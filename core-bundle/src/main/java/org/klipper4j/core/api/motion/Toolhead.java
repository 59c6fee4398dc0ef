/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.function.DoubleConsumer;

/** The toolhead (Klipper's {@code toolhead} object), implemented by the motion bundle. */
public interface Toolhead extends MoveTransform {

    /**
     * Sets the position without moving; {@code homingAxes} (e.g. {@code "xyz"})
     * are marked homed.
     */
    void setPosition(double[] newpos, String homingAxes);

    /** Moves at {@code speed} with unchanged axes given as NaN. */
    void manualMove(double[] coord, double speed);

    /** Waits {@code delay} seconds of print time. */
    void dwell(double delay);

    /** Waits until every queued move has finished (M400). */
    void waitMoves();

    /** Print time at the end of the last queued move (flushes lookahead). */
    double getLastMoveTime();

    /** Runs {@code callback} with the print time when the moves queued so far execute. */
    void registerLookaheadCallback(DoubleConsumer callback);

    /**
     * Tells the toolhead that an MCU command queue holds work up to {@code printTime}
     * (Klipper's {@code note_mcu_movequeue_activity}), so it keeps flushing until then
     * and queued pin updates reach the MCU even when no move follows them.
     */
    default void noteMcuMovequeueActivity(double printTime) {
    }

    /** [max_velocity, max_accel] now in effect. */
    double[] getMaxVelocity();

    Kinematics getKinematics();
}
