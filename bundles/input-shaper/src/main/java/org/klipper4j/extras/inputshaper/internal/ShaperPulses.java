/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

/**
 * A shaper in the form the step solver uses (as Klipper's kin_shaper): the
 * amplitudes normalised to sum 1, the order reversed and the times negated (the
 * shaped position at time t averages the commanded positions at t + time[i]),
 * then shifted so the amplitude-weighted mean time is 0, which keeps shaped and
 * unshaped axes in step.
 */
public final class ShaperPulses {
    /** At most this many impulses per axis, as Klipper's step solver. */
    public static final int MAX_PULSES = 5;
    public static final ShaperPulses NONE = new ShaperPulses(new double[0], new double[0]);

    private final double[] amplitudes;
    private final double[] times;

    private ShaperPulses(double[] amplitudes, double[] times) {
        this.amplitudes = amplitudes;
        this.times = times;
    }

    /** The pulses of {@code shaper}, or null if the solver cannot use it (too many impulses, no positive sum). */
    public static ShaperPulses of(Shaper shaper) {
        int n = shaper.size();
        if (n == 0) {
            return NONE;
        }
        if (n > MAX_PULSES) {
            return null;
        }
        double[] a = shaper.a();
        double[] t = shaper.t();
        double sum = 0.;
        for (double v : a) {
            sum += v;
        }
        if (!(sum > 0.)) {
            return null;
        }
        double[] amps = new double[n];
        double[] ts = new double[n];
        for (int i = 0; i < n; i++) {
            amps[n - i - 1] = a[i] / sum;
            ts[n - i - 1] = -t[i];
        }
        double mean = 0.;
        for (int i = 0; i < n; i++) {
            mean += amps[i] * ts[i];
        }
        for (int i = 0; i < n; i++) {
            ts[i] -= mean;
        }
        return new ShaperPulses(amps, ts);
    }

    public boolean isEmpty() {
        return amplitudes.length == 0;
    }

    public int size() {
        return amplitudes.length;
    }

    public double amplitude(int i) {
        return amplitudes[i];
    }

    public double time(int i) {
        return times[i];
    }

    /** How far ahead of a move the shaped position starts to change (seconds). */
    public double preActive() {
        return isEmpty() ? 0. : times[times.length - 1];
    }

    /** How long after a move the shaped position keeps changing (seconds). */
    public double postActive() {
        return isEmpty() ? 0. : -times[0];
    }
}
