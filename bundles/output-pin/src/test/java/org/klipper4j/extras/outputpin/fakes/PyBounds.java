/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.fakes;

import org.klipper4j.core.api.Bounds;

/** Limit checks worded as Klipper's, with float limits printed as Python does ({@code 1.0}). */
final class PyBounds {
    private PyBounds() {
    }

    static String violation(Bounds b, double value) {
        if (b.minval() != null && value < b.minval()) {
            return "must have minimum of " + str(b.minval());
        }
        if (b.maxval() != null && value > b.maxval()) {
            return "must have maximum of " + str(b.maxval());
        }
        if (b.above() != null && value <= b.above()) {
            return "must be above " + str(b.above());
        }
        if (b.below() != null && value >= b.below()) {
            return "must be below " + str(b.below());
        }
        return null;
    }

    /** Python's str() of a float. */
    static String str(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }
}
