/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;

/**
 * One config section from raw option values, with the core's (Klipper's) messages
 * for missing, unparsable and out-of-range options; records which options were read.
 * Other sections are empty: {@link #getSection} gives a section without options.
 */
public final class FakeConfig implements ConfigSection {
    private final String name;
    private final Printer printer;
    private final Map<String, String> options = new LinkedHashMap<>();
    /** Options read so far. */
    public final Set<String> used = new LinkedHashSet<>();

    public FakeConfig(Printer printer, String name, Map<String, String> options) {
        this.printer = printer;
        this.name = name;
        this.options.putAll(options);
    }

    /** Options given as alternating name, value. */
    public static FakeConfig of(Printer printer, String name, String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return new FakeConfig(printer, name, map);
    }

    /** Options that were given but never read. */
    public List<String> unused() {
        List<String> out = new ArrayList<>(options.keySet());
        out.removeAll(used);
        return out;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Printer getPrinter() {
        return printer;
    }

    @Override
    public boolean hasOption(String option) {
        return options.containsKey(option);
    }

    @Override
    public String get(String option) {
        String v = get(option, null);
        if (v == null) {
            throw optionError(option, "must be specified");
        }
        return v;
    }

    @Override
    public String get(String option, String defaultValue) {
        used.add(option);
        return options.getOrDefault(option, defaultValue);
    }

    @Override
    public int getInt(String option) {
        return parse(option, get(option), FakeConfig::parseInt);
    }

    @Override
    public Integer getInt(String option, Integer defaultValue) {
        return getInt(option, defaultValue, null, null);
    }

    @Override
    public Integer getInt(String option, Integer defaultValue, Integer minval, Integer maxval) {
        String v = get(option, null);
        if (v == null) {
            return defaultValue;
        }
        int value = parse(option, v, FakeConfig::parseInt);
        if (minval != null && value < minval) {
            throw optionError(option, "must have minimum of " + minval);
        }
        if (maxval != null && value > maxval) {
            throw optionError(option, "must have maximum of " + maxval);
        }
        return value;
    }

    @Override
    public double getFloat(String option) {
        return parse(option, get(option), FakeConfig::parseFloat);
    }

    @Override
    public Double getFloat(String option, Double defaultValue) {
        return getFloat(option, defaultValue, Bounds.NONE);
    }

    @Override
    public Double getFloat(String option, Double defaultValue, Bounds bounds) {
        String v = get(option, null);
        if (v == null) {
            return defaultValue;
        }
        double value = parse(option, v, FakeConfig::parseFloat);
        String violation = bounds == null ? null : bounds.violation(value);
        if (violation != null) {
            throw optionError(option, violation);
        }
        return value;
    }

    @Override
    public boolean getBoolean(String option) {
        return parse(option, get(option), FakeConfig::parseBoolean);
    }

    @Override
    public Boolean getBoolean(String option, Boolean defaultValue) {
        String v = get(option, null);
        return v == null ? defaultValue : parse(option, v, FakeConfig::parseBoolean);
    }

    @Override
    public <T> T getChoice(String option, Map<String, T> choices, String defaultValue) {
        String choice = get(option, defaultValue);
        if (choice == null) {
            return null;
        }
        if (!choices.containsKey(choice)) {
            throw new ConfigException("Choice '" + choice + "' for option '" + option + "' in section '" + name
                    + "' is not a valid choice");
        }
        return choices.get(choice);
    }

    @Override
    public List<String> getList(String option, List<String> defaultValue, String separator) {
        String v = get(option, null);
        if (v == null) {
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (String s : split(v, separator)) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public List<Integer> getIntList(String option, List<Integer> defaultValue, String separator) {
        String v = get(option, null);
        return v == null ? defaultValue : parse(option, v, raw -> parsedList(raw, separator, FakeConfig::parseInt));
    }

    @Override
    public List<Double> getFloatList(String option, List<Double> defaultValue, String separator) {
        String v = get(option, null);
        return v == null ? defaultValue
                : parse(option, v, raw -> parsedList(raw, separator, FakeConfig::parseFloat));
    }

    @Override
    public List<List<String>> getLists(String option, List<List<String>> defaultValue, String separator) {
        String v = get(option, null);
        if (v == null) {
            return defaultValue;
        }
        List<List<String>> rows = new ArrayList<>();
        for (String row : split(v, "\n")) {
            if (!row.isEmpty()) {
                rows.add(split(row, separator));
            }
        }
        return rows;
    }

    @Override
    public List<String> getOptionNames() {
        return new ArrayList<>(options.keySet());
    }

    @Override
    public ConfigSection getSection(String sectionName) {
        return sectionName.equals(name) ? this : new FakeConfig(printer, sectionName, Map.of());
    }

    @Override
    public boolean hasSection(String sectionName) {
        return false;
    }

    @Override
    public List<ConfigSection> getPrefixSections(String prefix) {
        return List.of();
    }

    @Override
    public void markUsed(String option) {
        used.add(option);
    }

    @Override
    public String toString() {
        return "[" + name + "]";
    }

    private ConfigException optionError(String option, String what) {
        return new ConfigException("Option '" + option + "' in section '" + name + "' " + what);
    }

    private <T> T parse(String option, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new ConfigException("Unable to parse option '" + option + "' in section '" + name + "'");
        }
    }

    private static int parseInt(String text) {
        return Integer.parseInt(text.strip().replace("_", ""));
    }

    private static double parseFloat(String text) {
        return Double.parseDouble(text.strip().replace("_", ""));
    }

    /** configparser's getboolean: 1/yes/true/on and 0/no/false/off, any case. */
    private static boolean parseBoolean(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1": case "yes": case "true": case "on":
                return true;
            case "0": case "no": case "false": case "off":
                return false;
            default:
                throw new IllegalArgumentException("Not a boolean: " + text);
        }
    }

    /** Splits on a literal separator and strips each part; a blank value gives no parts. */
    private static List<String> split(String raw, String separator) {
        List<String> parts = new ArrayList<>();
        if (raw.isBlank()) {
            return parts;
        }
        for (String part : raw.split(Pattern.quote(separator), -1)) {
            parts.add(part.strip());
        }
        return parts;
    }

    private static <T> List<T> parsedList(String raw, String separator, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (String part : split(raw, separator)) {
            out.add(parser.apply(part));
        }
        return out;
    }
}
