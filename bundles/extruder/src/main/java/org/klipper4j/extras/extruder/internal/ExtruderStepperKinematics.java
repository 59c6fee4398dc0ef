/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The extruder stepper's position (Klipper's extruder kinematics): the trapq's
 * X is the filament position, its Y ratio flags moves that may use pressure
 * advance. With a smooth time the position is the triangle-weighted average of
 * the advanced position over the neighbouring moves.
 */
final class ExtruderStepperKinematics implements StepperKinematics {
    /** Pressure advance and half the smooth time; a zero half time disables it. */
    record Params(double pressureAdvance, double halfSmoothTime) {
    }

    // read by step generation threads, replaced on the reactor thread between rounds
    private volatile Params params = new Params(0., 0.);
    private volatile ExtrusionHistory history;

    void setParams(Params newParams) {
        params = newParams;
    }

    Params getParams() {
        return params;
    }

    /** The moves of the extruder whose trapq this stepper follows (for the smoothing window). */
    void setHistory(ExtrusionHistory history) {
        this.history = history;
    }

    @Override
    public double calcPosition(TrapMove m, double moveTime) {
        Params p = params;
        double hst = p.halfSmoothTime();
        if (hst == 0.) {
            return m.startX + m.getDistance(moveTime);
        }
        double t = m.printTime + moveTime;
        double base = m.startX;
        double pa = p.pressureAdvance();
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
            area += h == null ? 0. : h.integrate(t - hst, m.printTime, riseW0, 1., pa, base, m.startX);
        }
        if (moveTime + hst > m.moveT) {
            double endPos = m.startX + m.getDistance(m.moveT);
            area += h == null ? PressureAdvance.weightedConstant(endPos - base, fallW0, -1., m.endTime(), t + hst)
                    : h.integrate(m.endTime(), t + hst, fallW0, -1., pa, base, endPos);
        }
        return base + area / (hst * hst);
    }

    @Override
    public int activeFlags() {
        return AF_X;
    }

    @Override
    public double genStepsPreActive() {
        return params.halfSmoothTime();
    }

    @Override
    public double genStepsPostActive() {
        return params.halfSmoothTime();
    }
}
