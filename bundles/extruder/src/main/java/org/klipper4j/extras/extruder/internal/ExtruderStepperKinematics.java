/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The extruder stepper's position (Klipper's extruder kinematics): the trapq's
 * X is the filament position, its Y ratio flags moves that may use pressure
 * advance. With a smooth time the position is the triangle-weighted average of
 * the advanced position over the neighbouring moves. A new advance value applies
 * to moves starting at or after the print time it was set for, so moves already
 * queued keep the value they were queued with.
 */
final class ExtruderStepperKinematics implements StepperKinematics {
    /** Entries older than this (seconds before the newest) are dropped. */
    private static final double SCHEDULE_KEEP_TIME = 30.;

    /** An advance value and the print time from which moves use it. */
    record Advance(double activeFrom, double pressureAdvance) {
    }

    // read by step generation threads, replaced on the reactor thread between rounds
    private volatile List<Advance> schedule = List.of(new Advance(0., 0.));
    private volatile double halfSmoothTime;
    private volatile ExtrusionHistory history;

    /**
     * Sets the smoothing window ({@code smoothTime} 0 disables pressure advance)
     * and the advance for moves from {@code printTime} on.
     */
    void setPressureAdvance(double printTime, double pressureAdvance, double smoothTime) {
        double hst = smoothTime * .5;
        halfSmoothTime = hst;
        if (hst == 0.) {
            return;
        }
        List<Advance> old = schedule;
        if (old.get(old.size() - 1).pressureAdvance() == pressureAdvance) {
            return;
        }
        List<Advance> next = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            boolean superseded = i + 1 < old.size() && old.get(i + 1).activeFrom() < printTime - SCHEDULE_KEEP_TIME;
            if (!superseded) {
                next.add(old.get(i));
            }
        }
        next.add(new Advance(printTime, pressureAdvance));
        schedule = List.copyOf(next);
    }

    double getHalfSmoothTime() {
        return halfSmoothTime;
    }

    /** The advance a move starting at {@code printTime} uses. */
    double advanceAt(double printTime) {
        List<Advance> s = schedule;
        int i = s.size() - 1;
        while (i > 0 && s.get(i).activeFrom() > printTime) {
            i--;
        }
        return s.get(i).pressureAdvance();
    }

    /** The moves of the extruder whose trapq this stepper follows (for the smoothing window). */
    void setHistory(ExtrusionHistory history) {
        this.history = history;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        double hst = halfSmoothTime;
        if (hst == 0.) {
            return m.startX + m.getDistance(moveTime);
        }
        double t = m.printTime + moveTime;
        double base = m.startX;
        double pa = advanceAt(m.printTime);
        // rising weight (tau - (t - hst)) before t, falling weight (t + hst - tau) after
        double riseW0 = hst - t;
        double fallW0 = t + hst;
        double area = 0.;
        double inStart = Math.max(0., moveTime - hst);
        double inEnd = Math.min(m.moveT, moveTime + hst);
        area += PressureAdvance.weightedMove(m, pa, base, riseW0, 1., m.printTime + inStart, t);
        area += PressureAdvance.weightedMove(m, pa, base, fallW0, -1., t, m.printTime + inEnd);
        ExtrusionHistory h = history;
        if (moveTime - hst < 0.) {
            area += h == null ? 0. : h.integrate(t - hst, m.printTime, riseW0, 1., this::advanceAt, base, m.startX);
        }
        if (moveTime + hst > m.moveT) {
            double endPos = m.startX + m.getDistance(m.moveT);
            area += h == null ? PressureAdvance.weightedConstant(endPos - base, fallW0, -1., m.endTime(), t + hst)
                    : h.integrate(m.endTime(), t + hst, fallW0, -1., this::advanceAt, base, endPos);
        }
        return base + area / (hst * hst);
    }

    /** Without pressure advance the position is the trapq's X: linear, step times in closed form. */
    @Override
    public double linearDistanceRatio(TrapMove m) {
        return halfSmoothTime == 0. ? 1. : Double.NaN;
    }

    @Override
    public int activeFlags() {
        return AF_X;
    }

    @Override
    public double genStepsPreActive() {
        return halfSmoothTime;
    }

    @Override
    public double genStepsPostActive() {
        return halfSmoothTime;
    }
}
