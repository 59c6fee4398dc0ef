/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.klipper4j.core.api.motion.TrapMove;

/**
 * The extrusion segments an extruder queued on its trapq, kept in time order so
 * pressure advance can average the filament position over neighbouring moves
 * (the trapq moves carry no links to their neighbours). Segments are split into
 * accel/cruise/decel parts with the same arithmetic as the trapq, so their
 * boundaries coincide exactly. Written on the reactor thread only, between step
 * generation rounds (which finish before the reactor continues).
 */
final class ExtrusionHistory {
    /** History older than this (seconds before step generation) is dropped. */
    private static final double KEEP_TIME = 2.0;

    private final List<TrapMove> segments = new ArrayList<>();

    /** Appends one move; {@code pressureAdvance} is Klipper's "can pressure advance" flag. */
    void append(double printTime, double accelT, double cruiseT, double decelT, double startPos, double startV,
            double cruiseV, double accel, boolean pressureAdvance) {
        double time = printTime;
        double pos = startPos;
        double flag = pressureAdvance ? 1. : 0.;
        if (accelT != 0.) {
            TrapMove m = segment(time, accelT, startV, .5 * accel, pos, flag);
            time += accelT;
            pos = m.coordX(accelT);
        }
        if (cruiseT != 0.) {
            TrapMove m = segment(time, cruiseT, cruiseV, 0., pos, flag);
            time += cruiseT;
            pos = m.coordX(cruiseT);
        }
        if (decelT != 0.) {
            segment(time, decelT, cruiseV, -.5 * accel, pos, flag);
        }
    }

    private TrapMove segment(double printTime, double moveT, double startV, double halfAccel, double pos,
            double flag) {
        TrapMove m = new TrapMove();
        m.printTime = printTime;
        m.moveT = moveT;
        m.startV = startV;
        m.halfAccel = halfAccel;
        m.startX = pos;
        m.axesRX = 1.;
        m.axesRY = flag;
        segments.add(m);
        return m;
    }

    /** Forgets segments that ended well before {@code stepGenTime}. */
    void expire(double stepGenTime) {
        int n = 0;
        while (n < segments.size() - 1 && segments.get(n).endTime() < stepGenTime - KEEP_TIME) {
            n++;
        }
        if (n > 0) {
            segments.subList(0, n).clear();
        }
    }

    int size() {
        return segments.size();
    }

    /**
     * The integral of {@code weight(t) * (f(t) - base)} between the absolute times
     * {@code absStart} and {@code absEnd}, where f is the advanced filament position
     * (see {@link PressureAdvance#polynomial}, with the advance each segment's start
     * time selects) and the weight is {@code w0 + w1 * t}.
     * Times without a segment hold the last position ({@code fallbackPos} if none).
     */
    double integrate(double absStart, double absEnd, double w0, double w1, DoubleUnaryOperator advanceAt,
            double base, double fallbackPos) {
        int i = firstEndingAfter(absStart);
        double pos = i > 0 ? endPosition(segments.get(i - 1))
                : i < segments.size() ? segments.get(i).startX : fallbackPos;
        double cursor = absStart;
        double res = 0.;
        for (; i < segments.size() && cursor < absEnd; i++) {
            TrapMove m = segments.get(i);
            if (m.printTime >= absEnd) {
                break;
            }
            if (m.printTime > cursor) {
                res += PressureAdvance.weightedConstant(pos - base, w0, w1, cursor, m.printTime);
                cursor = m.printTime;
            }
            double end = Math.min(m.endTime(), absEnd);
            res += PressureAdvance.weightedMove(m, advanceAt.applyAsDouble(m.printTime), base, w0, w1, cursor, end);
            cursor = end;
            pos = endPosition(m);
        }
        if (cursor < absEnd) {
            res += PressureAdvance.weightedConstant(pos - base, w0, w1, cursor, absEnd);
        }
        return res;
    }

    private int firstEndingAfter(double time) {
        int lo = 0;
        int hi = segments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid).endTime() > time) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double endPosition(TrapMove m) {
        return m.coordX(m.moveT);
    }
}
