/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses option text the way Python's {@code int()}, {@code float()} and
 * configparser's {@code getboolean} do, so the same configs load and the same
 * ones fail. Each method throws {@link IllegalArgumentException} on bad text.
 */
final class PythonValues {
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS);
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?"
                    + "|(?i:inf|infinity|nan))");

    private PythonValues() {
    }

    static int parseInt(String text) {
        String s = text.strip();
        if (!INT.matcher(s).matches()) {
            throw new IllegalArgumentException("invalid literal for int(): '" + text + "'");
        }
        return Integer.parseInt(s.replace("_", "").replaceFirst("^\\+", ""));
    }

    static double parseFloat(String text) {
        String s = text.strip();
        if (!FLOAT.matcher(s).matches()) {
            throw new IllegalArgumentException("could not convert string to float: '" + text + "'");
        }
        String lower = s.toLowerCase(Locale.ROOT).replace("_", "");
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(lower);
    }

    static boolean parseBoolean(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "1": case "yes": case "true": case "on":
                return true;
            case "0": case "no": case "false": case "off":
                return false;
            default:
                throw new IllegalArgumentException("Not a boolean: " + text);
        }
    }
}
