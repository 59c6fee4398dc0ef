/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.excludeobject.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * JSON as Klipper's Python reads and writes it: integers stay integers, and
 * {@code json.dumps} spacing ({@code ", "} and {@code ": "}) for listings.
 */
final class PythonJson {
    private PythonJson() {
    }

    /** Parses text to plain values (Long, Double, String, Boolean, List, Map, null). */
    static Object parse(String text) {
        try {
            return plain(JsonParser.parseString(text));
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("Invalid JSON '" + text + "'");
        }
    }

    private static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(x -> list.add(plain(x)));
            return list;
        }
        if (e instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.entrySet().forEach(en -> map.put(en.getKey(), plain(en.getValue())));
            return map;
        }
        JsonPrimitive p = (JsonPrimitive) e;
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        String literal = p.getAsNumber().toString();
        boolean integral = literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        return integral ? (Object) Long.parseLong(literal) : (Object) Double.parseDouble(literal);
    }

    /** Writes a plain value as Python's {@code json.dumps} does. */
    static String dumps(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> en : map.entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                writeString(sb, String.valueOf(en.getKey()));
                sb.append(": ");
                write(sb, en.getValue());
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                write(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            sb.append(n);
        } else {
            writeString(sb, value.toString());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
