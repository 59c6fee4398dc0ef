/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Number parsing and printing as Python's float()/int()/str(), so messages read as Klipper's. */
final class PyNumbers {
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*|\\d(?:_?\\d)*\\.)(?:[eE][+-]?\\d(?:_?\\d)*)?");
    private static final Pattern INT = Pattern.compile("[+-]?\\d(?:_?\\d)*");

    private PyNumbers() {
    }

    /** Python's float(text); throws NumberFormatException where Python raises ValueError. */
    static double parseFloat(String text) {
        String s = text.strip();
        if (isPlainDecimal(s)) {
            // the common G-code case (X12.345): no regex, no case folding
            return Double.parseDouble(s);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!FLOAT.matcher(s).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    /** True for {@code [+-]digits[.digits]}, {@code [+-]digits.} or {@code [+-].digits}: text both Python and Java read alike. */
    static boolean isPlainDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        boolean digits = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /** Python's int(text) for decimal text; throws NumberFormatException otherwise. */
    static int parseInt(String text) {
        String s = text.strip();
        if (!INT.matcher(s).matches()) {
            throw new NumberFormatException(text);
        }
        return Integer.parseInt(s.replace("_", ""));
    }

    /** Python's str() of a float: {@code 0.0}, {@code 2.5}, {@code 1e-05}. */
    static String str(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(v);
        if (abs == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        // Python's repr: shortest digits with an exponent of at least two digits.
        String s = Double.toString(v);
        int e = s.indexOf('E');
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        return String.format(Locale.ROOT, "%se%s%02d", mantissa, exp < 0 ? "-" : "+", Math.abs(exp));
    }
}
