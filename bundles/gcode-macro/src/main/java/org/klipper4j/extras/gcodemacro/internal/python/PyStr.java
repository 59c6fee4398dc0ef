/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.python;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of the Java values templates work with. */
public final class PyStr {

    private PyStr() {
    }

    /** As Python's {@code str(value)}: strings as they are, everything else as {@link #repr}. */
    public static String str(Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        return repr(value);
    }

    /** As Python's {@code repr(value)}. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return floatRepr(d.doubleValue());
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return quote(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (value instanceof Map.Entry<?, ?> e) {
            return "(" + repr(e.getKey()) + ", " + repr(e.getValue()) + ")";
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder sb = new StringBuilder("[");
            Iterator<?> it = items.iterator();
            while (it.hasNext()) {
                sb.append(repr(it.next()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }

    /** Python's shortest float repr: {@code 1.0}, {@code 1e-05}, {@code 1e+16}, {@code inf}, {@code nan}. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        String javaRepr = Double.toString(Math.abs(d));
        String digits;
        int exponent;
        int e = javaRepr.indexOf('E');
        String mantissa = e >= 0 ? javaRepr.substring(0, e) : javaRepr;
        exponent = e >= 0 ? Integer.parseInt(javaRepr.substring(e + 1)) : 0;
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String fracPart = mantissa.substring(dot + 1);
        digits = intPart + fracPart;
        exponent += intPart.length() - 1;
        // normalise to d.ddd x 10^exponent with no leading/trailing zeros
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            exponent--;
        }
        digits = digits.substring(lead);
        digits = digits.replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            return sign + positional(digits, exponent);
        }
        String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + m + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    private static String positional(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /** Python's quoting of a string: single quotes unless the text has one and no double quote. */
    public static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }
}
