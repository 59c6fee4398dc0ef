/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's round(x, n): round half to even on the exact binary value. */
final class PyRound {
    private PyRound() {
    }

    static double round(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }
}
