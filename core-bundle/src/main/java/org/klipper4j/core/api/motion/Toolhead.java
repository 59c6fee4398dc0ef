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

    /** [max_velocity, max_accel] now in effect. */
    double[] getMaxVelocity();

    Kinematics getKinematics();

    /** The trapq of XYZ moves. */
    TrapQueue getTrapq();

    /** Flushes the lookahead queue and generates every pending step. */
    void flushStepGeneration();

    /** Limits the junction speed after the last queued move. */
    void limitNextJunctionSpeed(double speed);

    /** Sets limits (null keeps a value); returns [velocity, accel, square corner velocity, min cruise ratio]. */
    double[] setMaxVelocities(Double maxVelocity, Double maxAccel, Double squareCornerVelocity,
            Double minCruiseRatio);

    /** The extruder (extra axis 3); a placeholder refusing extrusion when there is none. */
    ExtraAxis getExtruder();

    void setExtruder(ExtraAxis extruder, double extrudePos);

    /** A homing move: sent in small segments so it can stop as soon as {@code dripCompletion} completes. */
    void dripMove(double[] newpos, double speed, Completion<?> dripCompletion);
}
