/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.util.HashMap;
import java.util.Map;

/** Encodes a command written as text ({@code "name p1=v1 p2=v2"}), as config commands are. */
final class TextCommand {
    private TextCommand() {
    }

    static byte[] encode(DataDictionary dict, String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts[0].isEmpty()) {
            throw new ProtocolException("Empty command");
        }
        MessageFormat f = dict.byName(parts[0]);
        if (f == null) {
            throw new ProtocolException("Unknown command: " + parts[0]);
        }
        Map<String, Object> given = new HashMap<>();
        Map<String, MessageParam> params = new HashMap<>();
        f.params().forEach(p -> params.put(p.name(), p));
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            MessageParam p = eq < 0 ? null : params.get(parts[i].substring(0, eq));
            if (p == null) {
                throw new ProtocolException("Unable to extract params from: " + f.name());
            }
            given.put(p.name(), value(f, p, parts[i].substring(eq + 1)));
        }
        Object[] values = new Object[f.paramCount()];
        for (int i = 0; i < values.length; i++) {
            MessageParam p = f.params().get(i);
            values[i] = given.get(p.name());
            if (values[i] == null) {
                throw new ProtocolException("Unable to encode: " + f.name() + " (missing " + p.name() + ")");
            }
        }
        return f.encode(values);
    }

    private static Object value(MessageFormat f, MessageParam p, String text) {
        if (p.type().isString()) {
            return parseHex(f, text);
        }
        if (p.enumeration() != null) {
            return text;
        }
        try {
            return parsePythonInt(text);
        } catch (NumberFormatException e) {
            throw new ProtocolException("Unable to extract params from: " + f.name());
        }
    }

    /** An integer literal as Python's {@code int(text, 0)} reads it (0x, 0o, 0b prefixes, underscores). */
    static long parsePythonInt(String text) {
        String s = text.replace("_", "");
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 2 && s.charAt(0) == '0') {
            char k = Character.toLowerCase(s.charAt(1));
            radix = k == 'x' ? 16 : k == 'o' ? 8 : k == 'b' ? 2 : 10;
            if (radix != 10) {
                s = s.substring(2);
            }
        }
        if (s.isEmpty() || s.startsWith("-") || s.startsWith("+")) {
            throw new NumberFormatException(text);
        }
        long v = Long.parseLong(s, radix);
        return negative ? -v : v;
    }

    private static byte[] parseHex(MessageFormat f, String text) {
        if (text.length() % 2 != 0) {
            throw new ProtocolException("Unable to extract params from: " + f.name());
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new ProtocolException("Unable to extract params from: " + f.name());
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
