/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.core.api.motion.TrapQueue;

/** A trapq whose history is whatever a test puts in it (oldest first); it queues nothing itself. */
final class HistoryTrapq implements TrapQueue {
    final List<TrapMove> history = new ArrayList<>();

    /** Adds a segment of constant acceleration along the direction (rx, ry, rz) to the history. */
    HistoryTrapq add(double printTime, double moveT, double startV, double accel, double x, double y, double z,
            double rx, double ry, double rz) {
        TrapMove m = new TrapMove();
        m.printTime = printTime;
        m.moveT = moveT;
        m.startV = startV;
        m.halfAccel = .5 * accel;
        m.startX = x;
        m.startY = y;
        m.startZ = z;
        m.axesRX = rx;
        m.axesRY = ry;
        m.axesRZ = rz;
        history.add(m);
        return this;
    }

    @Override
    public List<TrapMove> extractOld(double startTime, double endTime, int max) {
        List<TrapMove> out = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && out.size() < max; i--) {
            TrapMove m = history.get(i);
            if (startTime >= m.endTime()) {
                break;
            }
            if (endTime > m.printTime) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public void append(double printTime, double accelT, double cruiseT, double decelT, double startX, double startY,
            double startZ, double axesRX, double axesRY, double axesRZ, double startV, double cruiseV,
            double accel) {
        throw new UnsupportedOperationException("append");
    }

    @Override
    public void setPosition(double printTime, double x, double y, double z) {
        throw new UnsupportedOperationException("setPosition");
    }

    @Override
    public double[] positionAt(double printTime) {
        throw new UnsupportedOperationException("positionAt");
    }
}
