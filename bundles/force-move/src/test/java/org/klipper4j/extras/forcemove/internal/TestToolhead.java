/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

import java.util.function.DoubleConsumer;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Toolhead;

/** A toolhead that keeps its print time, position and homing changes. */
final class TestToolhead implements Toolhead {
    double printTime = 1.0;
    int flushes;
    double[] position = {1., 2., 3., 4.};
    String homedAxes;
    String clearedAxes;

    @Override
    public double[] getPosition() {
        return position.clone();
    }

    @Override
    public void move(double[] newpos, double speed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        position = newpos.clone();
        homedAxes = homingAxes;
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
        return (Kinematics) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Kinematics.class}, (self, method, args) -> {
                    if (method.getName().equals("clearHomingState")) {
                        clearedAxes = (String) args[0];
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public void flushStepGeneration() {
        flushes++;
    }
}
