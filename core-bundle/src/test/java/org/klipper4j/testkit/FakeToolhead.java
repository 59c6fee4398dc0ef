/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapQueue;

/**
 * A toolhead with an empty lookahead queue: lookahead callbacks run at once with
 * {@link #printTime}, moves take no time. Records what it is asked for ({@code move},
 * {@code setPosition}, {@code noteMcuMovequeueActivity}, flushes, extra axes) so
 * tests can check it. Not final: a test may override one call to log it its own way.
 */
public class FakeToolhead implements Toolhead {
    /** The print time moves queued so far end at. */
    public double printTime = 0.25;
    public final List<Double> activity = new ArrayList<>();
    /** What {@link #getPosition} reports; {@code move}, {@code manualMove} and {@code setPosition} change it. */
    public double[] position = new double[4];
    /** The positions given to {@link #move}, in order. */
    public final List<double[]> moves = new ArrayList<>();
    /** The last position given to {@link #setPosition}, or null. */
    public double[] lastSetPosition;
    /** The homing axes of the last {@link #setPosition}, or null while there was none. */
    public String lastHomingAxes;
    /** How many times step generation was flushed. */
    public int flushes;
    /** Axes added with {@code addExtraAxis}, with the position each was added at. */
    public final List<ExtraAxis> extraAxes = new ArrayList<>();
    public final List<Double> extraAxisPositions = new ArrayList<>();
    /** What {@link #getExtruder} returns (null: no extruder). */
    public ExtraAxis extruder;
    /** What {@link #getKinematics} returns; null makes it fail. */
    public Kinematics kinematics;
    /** What {@link #getTrapq()} returns when set. */
    public TrapQueue trapq;

    @Override
    public void registerLookaheadCallback(DoubleConsumer callback) {
        callback.accept(printTime);
    }

    @Override
    public void noteMcuMovequeueActivity(double time) {
        activity.add(time);
    }

    @Override
    public double getLastMoveTime() {
        return printTime;
    }

    @Override
    public double[] getPosition() {
        return position.clone();
    }

    @Override
    public void move(double[] newpos, double speed) {
        moves.add(newpos.clone());
        position = newpos.clone();
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        lastSetPosition = newpos.clone();
        lastHomingAxes = homingAxes;
        position = newpos.clone();
    }

    /** Moves to {@code coord} (NaN: keep that axis) without recording it in {@link #moves}. */
    @Override
    public void manualMove(double[] coord, double speed) {
        for (int i = 0; i < coord.length && i < position.length; i++) {
            if (!Double.isNaN(coord[i])) {
                position[i] = coord[i];
            }
        }
    }

    @Override
    public void dwell(double delay) {
        printTime += delay;
    }

    @Override
    public void waitMoves() {
    }

    @Override
    public double[] getMaxVelocity() {
        return new double[] {300, 3000};
    }

    @Override
    public Kinematics getKinematics() {
        if (kinematics == null) {
            throw new UnsupportedOperationException("no kinematics in this test");
        }
        return kinematics;
    }

    @Override
    public void flushStepGeneration() {
        flushes++;
    }

    @Override
    public ExtraAxis getExtruder() {
        return extruder;
    }

    @Override
    public void addExtraAxis(ExtraAxis axis, double axisPos) {
        extraAxes.add(axis);
        extraAxisPositions.add(axisPos);
    }

    @Override
    public void removeExtraAxis(ExtraAxis axis) {
        int i = extraAxes.indexOf(axis);
        if (i >= 0) {
            extraAxes.remove(i);
            extraAxisPositions.remove(i);
        }
    }

    @Override
    public List<ExtraAxis> getExtraAxes() {
        return List.copyOf(extraAxes);
    }

    @Override
    public TrapQueue getTrapq() {
        if (trapq == null) {
            throw new UnsupportedOperationException("getTrapq");
        }
        return trapq;
    }
}
