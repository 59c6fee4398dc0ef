/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.List;
import java.util.Map;

/**
 * The shaper families Klipper offers (its shaper_defs): zv, mzv, zvd, ei,
 * 2hump_ei and 3hump_ei, each built from the resonance frequency and the damping
 * ratio. The EI family uses Klipper's current fits over the damping ratio
 * (not the older closed forms for an undamped system); ei also takes the
 * tolerated residual vibration {@code v_tol} (Klipper's default is 1/20, i.e. 5 %).
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
        switch (name) {
            case "zv":
            case "zvd": {
                // damped natural period and the decay of one half period
                double df = Math.sqrt(1. - damping * damping);
                double k = Math.exp(-damping * Math.PI / df);
                double td = 1. / (freq * df);
                if (name.equals("zv")) {
                    return new Shaper(new double[] {1., k}, new double[] {0., .5 * td});
                }
                return new Shaper(new double[] {1., 2. * k, k * k}, new double[] {0., .5 * td, td});
            }
            case "ei":
                return ei(freq, damping, params.getOrDefault("v_tol", DEFAULT_VIBRATION_TOLERANCE));
            case "2hump_ei":
                return fromDampingPolynomials(freq, damping, TWO_HUMP_EI_TIMES, TWO_HUMP_EI_AMPLITUDES);
            case "3hump_ei":
                return fromDampingPolynomials(freq, damping, THREE_HUMP_EI_TIMES, THREE_HUMP_EI_AMPLITUDES);
            default:
                throw new ShaperException("Unsupported shaper type: " + name);
        }
    }

    /*
     * The EI shapers are fitted over the damping ratio (Klipper replaced the
     * closed forms valid for zero damping by these fits): each impulse time (in
     * periods of the undamped frequency) and amplitude is a cubic in the damping
     * ratio; row i holds the coefficients of impulse i, constant term first.
     */
    private static final double[][] TWO_HUMP_EI_TIMES = {
        {0., 0., 0., 0.},
        {0.49890, 0.16270, -0.54262, 6.16180},
        {0.99748, 0.18382, -1.58270, 8.17120},
        {1.49920, -0.09297, -0.28338, 1.85710}};
    private static final double[][] TWO_HUMP_EI_AMPLITUDES = {
        {0.16054, 0.76699, 2.26560, -1.22750},
        {0.33911, 0.45081, -2.58080, 1.73650},
        {0.34089, -0.61533, -0.68765, 0.42261},
        {0.15997, -0.60246, 1.00280, -0.93145}};
    private static final double[][] THREE_HUMP_EI_TIMES = {
        {0., 0., 0., 0.},
        {0.49974, 0.23834, 0.44559, 12.4720},
        {0.99849, 0.29808, -2.36460, 23.3990},
        {1.49870, 0.10306, -2.01390, 17.0320},
        {1.99960, -0.28231, 0.61536, 5.40450}};
    private static final double[][] THREE_HUMP_EI_AMPLITUDES = {
        {0.11275, 0.76632, 3.29160, -1.44380},
        {0.23698, 0.61164, -2.57850, 4.85220},
        {0.30008, -0.19062, -2.14560, 0.13744},
        {0.23775, -0.73297, 0.46885, -2.08650},
        {0.11244, -0.45439, 0.96382, -1.46000}};

    /**
     * The EI shaper fitted over damping ratio and tolerated vibration: the outer
     * amplitudes and the middle impulse's time (in damped periods) are
     * polynomials in both, the middle amplitude completes the sum to 1.
     */
    static Shaper ei(double freq, double damping, double vTol) {
        double df = Math.sqrt(1. - damping * damping);
        double td = 1. / (freq * df);
        double dr = damping;
        double a1 = (0.24968 + 0.24961 * vTol)
                + ((0.80008 + 1.23328 * vTol) + (0.49599 + 3.17316 * vTol) * dr) * dr;
        double a3 = (0.25149 + 0.21474 * vTol)
                + ((-0.83249 + 1.41498 * vTol) + (0.85181 - 4.90094 * vTol) * dr) * dr;
        double a2 = 1. - a1 - a3;
        double t2 = 0.4999 + (((0.46159 + 8.57843 * vTol) * vTol)
                + (((4.26169 - 108.644 * vTol) * vTol)
                + ((1.75601 + 336.989 * vTol) * vTol) * dr) * dr) * dr;
        return new Shaper(new double[] {a1, a2, a3}, new double[] {0., t2 * td, td});
    }

    /** Impulses whose times (in periods of {@code freq}) and amplitudes are polynomials in the damping ratio. */
    static Shaper fromDampingPolynomials(double freq, double damping, double[][] times, double[][] amplitudes) {
        double period = 1. / freq;
        int n = times.length;
        double[] a = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = polynomial(times[i], damping) * period;
            a[i] = polynomial(amplitudes[i], damping);
        }
        return new Shaper(a, t);
    }

    /** Horner evaluation; {@code coefficients} constant term first. */
    private static double polynomial(double[] coefficients, double x) {
        double value = 0.;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            value = value * x + coefficients[i];
        }
        return value;
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
