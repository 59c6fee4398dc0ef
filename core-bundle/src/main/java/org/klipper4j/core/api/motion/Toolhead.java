/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.reactor.Completion;

/** The toolhead (Klipper's {@code toolhead} object). */
public interface Toolhead extends MoveTransform, StatusProvider {

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

    @Override
    default java.util.Map<String, Object> getStatus(double eventtime) {
        return java.util.Map.of();
    }

    // The methods below have defaults so simple stand-ins need not implement them.

    /** The trapq of XYZ moves. */
    default TrapQueue getTrapq() {
        throw new UnsupportedOperationException("getTrapq");
    }

    /** Flushes the lookahead queue and generates every pending step. */
    default void flushStepGeneration() {
        throw new UnsupportedOperationException("flushStepGeneration");
    }

    /** Limits the junction speed after the last queued move. */
    default void limitNextJunctionSpeed(double speed) {
        throw new UnsupportedOperationException("limitNextJunctionSpeed");
    }

    /** Sets limits (null keeps a value); returns [velocity, accel, square corner velocity, min cruise ratio]. */
    default double[] setMaxVelocities(Double maxVelocity, Double maxAccel, Double squareCornerVelocity,
            Double minCruiseRatio) {
        throw new UnsupportedOperationException("setMaxVelocities");
    }

    /** The extruder (extra axis 3); a placeholder refusing extrusion when there is none. */
    default ExtraAxis getExtruder() {
        throw new UnsupportedOperationException("getExtruder");
    }

    default void setExtruder(ExtraAxis extruder, double extrudePos) {
        throw new UnsupportedOperationException("setExtruder");
    }

    /**
     * Adds an extra axis after the existing ones (Klipper's {@code add_extra_axis}); its
     * position index is 3 + its place in {@link #getExtraAxes()}. Sends {@link #UPDATE_EXTRA_AXES_EVENT}.
     */
    default void addExtraAxis(ExtraAxis axis, double axisPos) {
        throw new UnsupportedOperationException("addExtraAxis");
    }

    /** Removes an extra axis added by {@link #addExtraAxis}; sends {@link #UPDATE_EXTRA_AXES_EVENT}. */
    default void removeExtraAxis(ExtraAxis axis) {
        throw new UnsupportedOperationException("removeExtraAxis");
    }

    /** The extra axes in position order: the first (the extruder) is position index 3. */
    default java.util.List<ExtraAxis> getExtraAxes() {
        return java.util.List.of();
    }

    /** Event sent after the set of extra axes changed. */
    String UPDATE_EXTRA_AXES_EVENT = "toolhead:update_extra_axes";

    /** A homing move: sent in small segments so it can stop as soon as {@code dripCompletion} completes. */
    default void dripMove(double[] newpos, double speed, Completion<?> dripCompletion) {
        throw new UnsupportedOperationException("dripMove");
    }

    /**
     * Klipper's check_busy: {print time of the queued moves (Double), estimated print time
     * of the MCU now (Double), whether the lookahead queue is empty (Boolean)}.
     */
    default Object[] checkBusy(double eventtime) {
        throw new UnsupportedOperationException("checkBusy");
    }
}
