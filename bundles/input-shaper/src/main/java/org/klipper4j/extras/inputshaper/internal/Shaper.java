/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.Arrays;

/**
 * An input shaper in its textbook form: impulse amplitudes {@code a} (not yet
 * normalised) at times {@code t} (seconds, first impulse at 0). An empty shaper
 * means no shaping.
 */
public record Shaper(double[] a, double[] t) {
    public static final Shaper NONE = new Shaper(new double[0], new double[0]);

    public Shaper {
        if (a.length != t.length) {
            throw new IllegalArgumentException("amplitudes and times differ in length");
        }
        a = a.clone();
        t = t.clone();
    }

    public int size() {
        return a.length;
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public double[] t() {
        return t.clone();
    }

    @Override
    public String toString() {
        return "Shaper[a=" + Arrays.toString(a) + ", t=" + Arrays.toString(t) + "]";
    }
}
