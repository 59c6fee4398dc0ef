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
 * {@link #printTime}. Records {@code noteMcuMovequeueActivity} calls.
 */
public final class FakeToolhead implements Toolhead {
    /** The print time moves queued so far end at. */
    public double printTime = 0.25;
    public final List<Double> activity = new ArrayList<>();
    /** Returned by {@link #getTrapq()} and {@link #getExtruder()} when set. */
    public TrapQueue trapq;
    public ExtraAxis extruder;

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
        return new double[4];
    }

    @Override
    public void move(double[] newpos, double speed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void manualMove(double[] coord, double speed) {
        throw new UnsupportedOperationException();
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
        throw new UnsupportedOperationException();
    }

    @Override
    public TrapQueue getTrapq() {
        if (trapq == null) {
            throw new UnsupportedOperationException("getTrapq");
        }
        return trapq;
    }

    @Override
    public ExtraAxis getExtruder() {
        if (extruder == null) {
            throw new UnsupportedOperationException("getExtruder");
        }
        return extruder;
    }
}
