/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.StringJoiner;

/** Python's repr of floats and float lists, for messages that show them as Klipper does. */
final class PyFormat {
    private PyFormat() {
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return String.format(java.util.Locale.ROOT, "%.1f", v);
        }
        return Double.toString(v);
    }

    static String list(double[] values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : values) {
            j.add(num(v));
        }
        return j.toString();
    }
}
