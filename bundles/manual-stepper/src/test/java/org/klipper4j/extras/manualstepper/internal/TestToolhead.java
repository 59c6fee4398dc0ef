/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Toolhead;

/** A toolhead that only keeps its print time. */
final class TestToolhead implements Toolhead {
    double printTime = 1.0;
    int flushes;
    /** Axes added with addExtraAxis, with the position each was added at. */
    final List<ExtraAxis> extraAxes = new ArrayList<>();
    final List<Double> extraAxisPositions = new ArrayList<>();

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
    public double getLastMoveTime() {
        return printTime;
    }

    @Override
    public void registerLookaheadCallback(DoubleConsumer callback) {
        callback.accept(printTime);
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
    public void flushStepGeneration() {
        flushes++;
    }
}
