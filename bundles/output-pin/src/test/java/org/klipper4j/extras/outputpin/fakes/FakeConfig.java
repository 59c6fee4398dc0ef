/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;

/** One config section from raw option values, with Klipper's messages for missing and out-of-range options. */
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
            throw new ConfigException("Option '" + option + "' in section '" + name + "' must be specified");
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
        return Integer.parseInt(get(option).trim());
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
        int value = Integer.parseInt(v.trim());
        if (minval != null && value < minval) {
            throw new ConfigException(prefix(option) + "must have minimum of " + minval);
        }
        if (maxval != null && value > maxval) {
            throw new ConfigException(prefix(option) + "must have maximum of " + maxval);
        }
        return value;
    }

    @Override
    public double getFloat(String option) {
        return Double.parseDouble(get(option).trim());
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
        double value = Double.parseDouble(v.trim());
        String violation = PyBounds.violation(bounds, value);
        if (violation != null) {
            throw new ConfigException(prefix(option) + violation);
        }
        return value;
    }

    private String prefix(String option) {
        return "Option '" + option + "' in section '" + name + "' ";
    }

    @Override
    public boolean getBoolean(String option) {
        return parseBoolean(get(option));
    }

    @Override
    public Boolean getBoolean(String option, Boolean defaultValue) {
        String v = get(option, null);
        return v == null ? defaultValue : parseBoolean(v);
    }

    private static boolean parseBoolean(String v) {
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("true") || t.equals("1") || t.equals("yes") || t.equals("on");
    }

    @Override
    public <T> T getChoice(String option, Map<String, T> choices, String defaultValue) {
        return choices.get(get(option, defaultValue));
    }

    @Override
    public List<String> getList(String option, List<String> defaultValue, String separator) {
        String v = get(option, null);
        if (v == null) {
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(java.util.regex.Pattern.quote(separator))) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    @Override
    public List<Integer> getIntList(String option, List<Integer> defaultValue, String separator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Double> getFloatList(String option, List<Double> defaultValue, String separator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<List<String>> getLists(String option, List<List<String>> defaultValue, String separator) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> getOptionNames() {
        return new ArrayList<>(options.keySet());
    }

    @Override
    public ConfigSection getSection(String sectionName) {
        return new FakeConfig(printer, sectionName, Map.of());
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
}
