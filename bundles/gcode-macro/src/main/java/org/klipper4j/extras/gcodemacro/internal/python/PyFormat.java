/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's printf-style string formatting, {@code 'X%.2f Y%d' % (x, y)}. Floats are
 * rounded from their exact binary value, half to even, as CPython does.
 */
public final class PyFormat {

    private final String format;
    private final List<?> positional;
    private final Map<?, ?> named;
    private int pos;
    private int next;

    private PyFormat(String format, Object args) {
        this.format = format;
        if (args instanceof List<?> list) {
            positional = list;
            named = null;
        } else if (args instanceof Map<?, ?> map) {
            positional = List.of(map);
            named = map;
        } else {
            positional = java.util.Collections.singletonList(args);
            named = null;
        }
    }

    /** {@code format % args}: a list stands for a tuple, a map for named arguments. */
    public static String format(String format, Object args) {
        PyFormat f = new PyFormat(format, args);
        String out = f.run();
        if (f.named == null && f.next < f.positional.size()) {
            throw new PyException("TypeError", "not all arguments converted during string formatting");
        }
        return out;
    }

    private String run() {
        StringBuilder out = new StringBuilder();
        while (pos < format.length()) {
            char c = format.charAt(pos++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            out.append(spec());
        }
        return out.toString();
    }

    private char peek() {
        if (pos >= format.length()) {
            throw new PyException("ValueError", "incomplete format");
        }
        return format.charAt(pos);
    }

    private String spec() {
        Object value = null;
        boolean haveValue = false;
        if (peek() == '(') {
            int close = format.indexOf(')', pos);
            if (close < 0) {
                throw new PyException("ValueError", "incomplete format key");
            }
            String key = format.substring(pos + 1, close);
            pos = close + 1;
            if (named == null) {
                throw new PyException("TypeError", "format requires a mapping");
            }
            if (!named.containsKey(key)) {
                throw new PyException("KeyError", PyStr.repr(key));
            }
            value = named.get(key);
            haveValue = true;
        }
        boolean left = false;
        boolean plus = false;
        boolean space = false;
        boolean zero = false;
        boolean alt = false;
        for (;; pos++) {
            char f = peek();
            if (f == '-') {
                left = true;
            } else if (f == '+') {
                plus = true;
            } else if (f == ' ') {
                space = true;
            } else if (f == '0') {
                zero = true;
            } else if (f == '#') {
                alt = true;
            } else {
                break;
            }
        }
        int width = -1;
        if (peek() == '*') {
            pos++;
            width = toInt(nextArg());
        } else {
            width = number(-1);
        }
        int precision = -1;
        if (peek() == '.') {
            pos++;
            if (peek() == '*') {
                pos++;
                precision = toInt(nextArg());
            } else {
                precision = number(0);
            }
        }
        while ("hlL".indexOf(peek()) >= 0) {
            pos++;
        }
        char conv = format.charAt(pos++);
        if (conv == '%') {
            return "%";
        }
        if (!haveValue) {
            value = nextArg();
        }
        String body;
        String sign = "";
        switch (conv) {
            case 'd', 'i', 'u' -> {
                BigInteger n = toInteger(value, conv);
                sign = n.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                body = n.abs().toString();
                if (precision > body.length()) {
                    body = "0".repeat(precision - body.length()) + body;
                }
            }
            case 'x', 'X', 'o' -> {
                BigInteger n = toInteger(value, conv);
                sign = n.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                body = n.abs().toString(conv == 'o' ? 8 : 16);
                if (conv == 'X') {
                    body = body.toUpperCase();
                }
                if (alt) {
                    body = (conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X") + body;
                }
            }
            case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                double d = toDouble(value, conv);
                sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : plus ? "+" : space ? " " : "";
                body = formatFloat(Math.abs(d), conv, precision < 0 ? 6 : precision, alt);
            }
            case 's' -> body = clip(PyStr.str(value), precision);
            case 'r', 'a' -> body = clip(PyStr.repr(value), precision);
            case 'c' -> body = value instanceof Number n ? String.valueOf((char) n.intValue()) : PyStr.str(value);
            default -> throw new PyException("ValueError", "unsupported format character '" + conv + "' (0x"
                    + Integer.toHexString(conv) + ") at index " + (pos - 1));
        }
        return pad(sign, body, width, left, zero && "sraC".indexOf(conv) < 0);
    }

    private static String clip(String s, int precision) {
        return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
    }

    private static String pad(String sign, String body, int width, boolean left, boolean zero) {
        int len = sign.length() + body.length();
        if (width <= len) {
            return sign + body;
        }
        String fill = (left ? " " : zero ? "0" : " ").repeat(width - len);
        if (left) {
            return sign + body + fill;
        }
        return zero ? sign + fill + body : fill + sign + body;
    }

    private int number(int dflt) {
        int start = pos;
        while (pos < format.length() && Character.isDigit(format.charAt(pos))) {
            pos++;
        }
        return pos == start ? dflt : Integer.parseInt(format.substring(start, pos));
    }

    private Object nextArg() {
        if (next >= positional.size()) {
            throw new PyException("TypeError", "not enough arguments for format string");
        }
        return positional.get(next++);
    }

    private static int toInt(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        throw new PyException("TypeError", "* wants int");
    }

    private static BigInteger toInteger(Object value, char conv) {
        if (value instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            if (conv != 'd' && conv != 'i' && conv != 'u') {
                throw new PyException("TypeError", "%" + conv + " format: an integer is required, not float");
            }
            return new BigDecimal(((Number) value).doubleValue()).toBigInteger();
        }
        if (value instanceof Number n) {
            return BigInteger.valueOf(n.longValue());
        }
        throw new PyException("TypeError", "%" + conv + " format: a real number is required, not "
                + PyTypes.name(value));
    }

    private static double toDouble(Object value, char conv) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new PyException("TypeError", "must be real number, not " + PyTypes.name(value));
    }

    /** Formats a non-negative double as C's %f/%e/%g with CPython's exact rounding. */
    static String formatFloat(double d, char conv, int precision, boolean alt) {
        if (Double.isNaN(d)) {
            return Character.isUpperCase(conv) ? "NAN" : "nan";
        }
        if (Double.isInfinite(d)) {
            return Character.isUpperCase(conv) ? "INF" : "inf";
        }
        BigDecimal exact = new BigDecimal(d);
        switch (Character.toLowerCase(conv)) {
            case 'f':
                return exact.setScale(precision, RoundingMode.HALF_EVEN).toPlainString()
                        + (alt && precision == 0 ? "." : "");
            case 'e':
                return exponential(exact, precision, conv == 'E', alt);
            default: {
                int p = precision == 0 ? 1 : precision;
                if (d == 0) {
                    return alt ? "0." + "0".repeat(p - 1) : "0";
                }
                BigDecimal rounded = exact.round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
                int exp = rounded.precision() - rounded.scale() - 1;
                String s;
                if (exp < -4 || exp >= p) {
                    s = exponential(exact, p - 1, conv == 'G', alt);
                    if (!alt) {
                        int e = s.indexOf(conv == 'G' ? 'E' : 'e');
                        s = stripZeros(s.substring(0, e)) + s.substring(e);
                    }
                } else {
                    s = exact.setScale(p - 1 - exp, RoundingMode.HALF_EVEN).toPlainString();
                    if (!alt) {
                        s = stripZeros(s);
                    }
                }
                return s;
            }
        }
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String exponential(BigDecimal exact, int precision, boolean upper, boolean alt) {
        String mantissa;
        int exp;
        if (exact.signum() == 0) {
            mantissa = precision == 0 ? "0" : "0." + "0".repeat(precision);
            exp = 0;
        } else {
            BigDecimal rounded = exact.round(new java.math.MathContext(precision + 1, RoundingMode.HALF_EVEN));
            exp = rounded.precision() - rounded.scale() - 1;
            String digits = rounded.unscaledValue().abs().toString();
            digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
            mantissa = precision == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        }
        if (alt && precision == 0) {
            mantissa += ".";
        }
        return mantissa + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
                + Math.abs(exp);
    }
}
