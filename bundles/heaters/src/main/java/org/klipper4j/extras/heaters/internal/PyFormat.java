/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code "%.Nf"} and {@code round(x, N)}: the exact binary value rounded half to even. */
final class PyFormat {
    private PyFormat() {
    }

    static String fixed(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative && !s.startsWith("-") ? "-" + s : s; // Python keeps the sign of a value rounded to zero
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }
}
