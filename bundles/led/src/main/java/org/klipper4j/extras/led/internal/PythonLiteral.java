/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

/**
 * Parses the scalar Python literals display template parameters accept: integers, floats,
 * quoted strings, True, False and None.
 */
final class PythonLiteral {
    private PythonLiteral() {
    }

    /** @throws IllegalArgumentException when the text is not such a literal */
    static Object parse(String text) {
        String s = text.trim();
        switch (s) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                break;
        }
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            String body = s.substring(1, s.length() - 1);
            if (body.indexOf(s.charAt(0)) >= 0 || body.indexOf('\\') >= 0) {
                throw new IllegalArgumentException(text);
            }
            return body;
        }
        String digits = s.replace("_", "");
        if (digits.matches("[+-]?\\d+")) {
            try {
                return Integer.valueOf(digits);
            } catch (NumberFormatException e) {
                return Long.valueOf(digits);
            }
        }
        if (digits.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.valueOf(digits);
        }
        throw new IllegalArgumentException(text);
    }
}
