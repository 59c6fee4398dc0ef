/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named set of symbols with integer values from the dictionary ({@code pin},
 * {@code spi_bus}, ...). Ranges such as {@code "PA0": [0, 8]} are expanded to
 * {@code PA0..PA7} with values 0..7.
 */
public final class Enumeration {
    private final String name;
    private final Map<String, Integer> values = new LinkedHashMap<>();
    private final Map<Integer, String> symbols = new HashMap<>();

    public Enumeration(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void add(String symbol, int value) {
        values.put(symbol, value);
        // a value with several symbols shows as the last one, as in Klipper
        symbols.put(value, symbol);
    }

    /** Adds {@code count} symbols counting up from {@code first} (e.g. PA0 -> PA0, PA1, ...). */
    public void addRange(String first, int firstValue, int count) {
        int rootLen = first.length();
        while (rootLen > 0 && Character.isDigit(first.charAt(rootLen - 1))) {
            rootLen--;
        }
        String root = first.substring(0, rootLen);
        int start = rootLen == first.length() ? 0 : Integer.parseInt(first.substring(rootLen));
        for (int i = 0; i < count; i++) {
            add(root + (start + i), firstValue + i);
        }
    }

    /** The value of a symbol, or a Klipper-worded error. */
    public int valueOf(String symbol) {
        Integer v = values.get(symbol);
        if (v == null) {
            throw new ProtocolException("Unknown value '" + symbol + "' in enumeration '" + name + "'");
        }
        return v;
    }

    public boolean contains(String symbol) {
        return values.containsKey(symbol);
    }

    /** The symbol of a value, or {@code ?N} for a value without one (as Klipper shows it). */
    public String symbolOf(long value) {
        String s = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? symbols.get((int) value) : null;
        return s != null ? s : "?" + value;
    }

    public Map<String, Integer> values() {
        return Collections.unmodifiableMap(values);
    }
}
