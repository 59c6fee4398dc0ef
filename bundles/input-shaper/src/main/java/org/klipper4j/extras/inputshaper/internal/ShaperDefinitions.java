/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.List;
import java.util.Map;

/**
 * The shaper families Klipper offers (its shaper_defs): zv, mzv, zvd, ei,
 * 2hump_ei and 3hump_ei, each built from the resonance frequency and the damping
 * ratio. The EI family also takes the tolerated residual vibration {@code v_tol}
 * (Klipper's default is 1/20, i.e. 5 %).
 */
public final class ShaperDefinitions {
    public static final double DEFAULT_DAMPING_RATIO = 0.1;
    /** Residual vibration the EI shapers tolerate: 1 / Klipper's SHAPER_VIBRATION_REDUCTION (20). */
    public static final double DEFAULT_VIBRATION_TOLERANCE = 1. / 20.;

    /** The names, in Klipper's order. */
    public static final List<String> NAMES = List.of("zv", "mzv", "zvd", "ei", "2hump_ei", "3hump_ei");

    private ShaperDefinitions() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The parameters a family accepts, in the order positional values fill them. */
    public static List<String> parameterNames(String name) {
        switch (name) {
            case "mzv":
                return List.of("n", "t", "tau");
            case "ei":
                return List.of("v_tol");
            default:
                return List.of();
        }
    }

    /**
     * The shaper of family {@code name} with its optional parameters (see
     * {@link #parameterNames}); throws {@link ShaperException} if they make no valid shaper.
     */
    public static Shaper build(String name, double freq, double damping, Map<String, Double> params) {
        if (name.equals("mzv")) {
            return mzv(freq, damping, params);
        }
        double vTol = params.getOrDefault("v_tol", DEFAULT_VIBRATION_TOLERANCE);
        // damped natural period and the decay of one half period
        double df = Math.sqrt(1. - damping * damping);
        double k = Math.exp(-damping * Math.PI / df);
        double td = 1. / (freq * df);
        switch (name) {
            case "zv":
                return new Shaper(new double[] {1., k}, new double[] {0., .5 * td});
            case "zvd":
                return new Shaper(new double[] {1., 2. * k, k * k}, new double[] {0., .5 * td, td});
            case "ei": {
                double a1 = .25 * (1. + vTol);
                double a2 = .5 * (1. - vTol) * k;
                double a3 = a1 * k * k;
                return new Shaper(new double[] {a1, a2, a3}, new double[] {0., .5 * td, td});
            }
            case "2hump_ei": {
                double v2 = vTol * vTol;
                double x = Math.cbrt(v2 * (Math.sqrt(1. - v2) + 1.));
                double a1 = (3. * x * x + 2. * x + 3. * v2) / (16. * x);
                double a2 = (.5 - a1) * k;
                double a3 = a2 * k;
                double a4 = a1 * k * k * k;
                return new Shaper(new double[] {a1, a2, a3, a4}, new double[] {0., .5 * td, td, 1.5 * td});
            }
            case "3hump_ei": {
                double k2 = k * k;
                double a1 = .0625 * (1. + 3. * vTol + 2. * Math.sqrt(2. * (vTol + 1.) * vTol));
                double a2 = .25 * (1. - vTol) * k;
                double a3 = (.5 * (1. + vTol) - 2. * a1) * k2;
                double a4 = a2 * k2;
                double a5 = a1 * k2 * k2;
                return new Shaper(new double[] {a1, a2, a3, a4, a5},
                        new double[] {0., .5 * td, td, 1.5 * td, 2. * td});
            }
            default:
                throw new ShaperException("Unsupported shaper type: " + name);
        }
    }

    /**
     * The MZV family: {@code n} equally spaced impulses over {@code t} damped periods
     * (default n=3, t=0.75, the classic MZV), or over the duration implied by
     * {@code tau}, the projected length for n towards infinity.
     */
    static Shaper mzv(double freq, double damping, Map<String, Double> params) {
        double nValue = params.getOrDefault("n", 3.);
        if (nValue != Math.rint(nValue)) {
            throw new ShaperException("n must be a whole number, got " + nValue);
        }
        int n = (int) nValue;
        double t = params.getOrDefault("t", 0.);
        double tau = params.getOrDefault("tau", 0.);
        if (tau == 0. && t == 0.) {
            t = .75;
        } else if (tau != 0.) {
            t = tau * (n - 1.) / (n + 2. * tau - 2.);
        }
        Shaper base = MzvCoefficients.solve(n, t);
        double[] a = base.a();
        double[] times = base.t();
        double df = Math.sqrt(1. - damping * damping);
        double k = Math.exp(-2. * t * damping * Math.PI / ((n - 1.) * df));
        double td = 1. / (freq * df);
        double kp = k;
        for (int i = 1; i < n; i++) {
            times[i] *= td;
            a[i] *= kp;
            kp *= k;
        }
        return new Shaper(a, times);
    }
}
