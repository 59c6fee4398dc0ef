/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/**
 * Limits for a numeric option, as Klipper's {@code minval}, {@code maxval},
 * {@code above} and {@code below}. Immutable; build with the static methods and chain.
 */
public final class Bounds {
    public static final Bounds NONE = new Bounds(null, null, null, null);

    private final Double minval;
    private final Double maxval;
    private final Double above;
    private final Double below;

    private Bounds(Double minval, Double maxval, Double above, Double below) {
        this.minval = minval;
        this.maxval = maxval;
        this.above = above;
        this.below = below;
    }

    public static Bounds min(double v) { return NONE.andMin(v); }
    public static Bounds max(double v) { return NONE.andMax(v); }
    public static Bounds above(double v) { return NONE.andAbove(v); }
    public static Bounds below(double v) { return NONE.andBelow(v); }
    public static Bounds range(double min, double max) { return NONE.andMin(min).andMax(max); }

    public Bounds andMin(double v) { return new Bounds(v, maxval, above, below); }
    public Bounds andMax(double v) { return new Bounds(minval, v, above, below); }
    public Bounds andAbove(double v) { return new Bounds(minval, maxval, v, below); }
    public Bounds andBelow(double v) { return new Bounds(minval, maxval, above, v); }

    public Double minval() { return minval; }
    public Double maxval() { return maxval; }
    public Double above() { return above; }
    public Double below() { return below; }

    /**
     * Checks a value; returns null if it is allowed, else the reason in Klipper's
     * words without the option name (e.g. {@code "must have minimum of 1.0"}).
     */
    public String violation(double value) {
        if (minval != null && value < minval) {
            return "must have minimum of " + fmt(minval);
        }
        if (maxval != null && value > maxval) {
            return "must have maximum of " + fmt(maxval);
        }
        if (above != null && value <= above) {
            return "must be above " + fmt(above);
        }
        if (below != null && value >= below) {
            return "must be below " + fmt(below);
        }
        return null;
    }

    /** Formats like Python's str() of a float ({@code 1.0}, {@code 0.5}), so messages read as Klipper's. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }
}
