/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

/** Reads numbers out of decoded MCU parameters and dictionary constants (Long, Double or text). */
final class ParamValues {
    private ParamValues() {
    }

    static long toLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Long.parseLong(String.valueOf(v).strip());
    }

    static double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(String.valueOf(v).strip());
    }
}
