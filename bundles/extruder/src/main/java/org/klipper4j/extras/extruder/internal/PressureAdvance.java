/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import org.klipper4j.core.api.motion.TrapMove;

/**
 * The arithmetic of smoothed pressure advance (as Klipper's extruder kinematics):
 * the filament position is advanced by {@code pressure_advance * velocity} on
 * moves that may use it, then averaged with a triangular weight over
 * {@code [t - smooth_time/2, t + smooth_time/2]}. Every integral here is of a
 * polynomial in absolute print time, evaluated in a segment's local time.
 */
final class PressureAdvance {
    private PressureAdvance() {
    }

    /**
     * Coefficients {c0, c1, c2} of the advanced position {@code c0 + c1 u + c2 u^2}
     * (relative to {@code base}) at local time u of segment {@code m}.
     */
    static double[] polynomial(TrapMove m, double pressureAdvance, double base) {
        double pa = m.axesRY != 0. ? pressureAdvance : 0.;
        return new double[] {m.startX - base + pa * m.startV, m.startV + 2. * pa * m.halfAccel, m.halfAccel};
    }

    /**
     * The integral from absolute time a to b (inside segment m) of
     * {@code (w0 + w1 t) * advancedPosition(t)}.
     */
    static double weightedMove(TrapMove m, double pressureAdvance, double base, double w0, double w1, double a,
            double b) {
        double[] c = polynomial(m, pressureAdvance, base);
        // the weight in local time u = t - printTime
        double lw0 = w0 + w1 * m.printTime;
        return weightedPolynomial(c[0], c[1], c[2], lw0, w1, a - m.printTime, b - m.printTime);
    }

    /** The integral from a to b of {@code (w0 + w1 t) * value}. */
    static double weightedConstant(double value, double w0, double w1, double a, double b) {
        // the mean weight times the length keeps precision at large print times
        return value * (b - a) * (w0 + w1 * .5 * (a + b));
    }

    /** The integral from u1 to u2 of {@code (w0 + w1 u)(c0 + c1 u + c2 u^2)}. */
    static double weightedPolynomial(double c0, double c1, double c2, double w0, double w1, double u1,
            double u2) {
        double p0 = w0 * c0;
        double p1 = w0 * c1 + w1 * c0;
        double p2 = w0 * c2 + w1 * c1;
        double p3 = w1 * c2;
        return antiderivative(p0, p1, p2, p3, u2) - antiderivative(p0, p1, p2, p3, u1);
    }

    private static double antiderivative(double p0, double p1, double p2, double p3, double u) {
        return u * (p0 + u * (p1 / 2. + u * (p2 / 3. + u * p3 / 4.)));
    }
}
