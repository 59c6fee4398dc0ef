/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;

/** A config section backed by a map; only the getters the tested modules use. */
class FakeConfig implements ConfigSection {
    private final String name;
    private final Printer printer;
    private final Map<String, String> options;

    FakeConfig(String name, Printer printer, Map<String, String> options) {
        this.name = name;
        this.printer = printer;
        this.options = options;
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
        String v = options.get(option);
        if (v == null) {
            throw new ConfigException("Option '" + option + "' in section '" + name + "' must be specified");
        }
        return v;
    }

    @Override
    public String get(String option, String defaultValue) {
        return options.getOrDefault(option, defaultValue);
    }

    @Override
    public <T> T getChoice(String option, Map<String, T> choices, String defaultValue) {
        String v = get(option, defaultValue);
        if (!choices.containsKey(v)) {
            throw new ConfigException("Choice '" + v + "' for option '" + option + "' in section '" + name
                    + "' is not a valid choice");
        }
        return choices.get(v);
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not needed by these tests");
    }

    @Override public int getInt(String option) { throw unused(); }
    @Override public Integer getInt(String option, Integer d) { throw unused(); }
    @Override public Integer getInt(String option, Integer d, Integer min, Integer max) { throw unused(); }
    @Override public double getFloat(String option) { throw unused(); }
    @Override public Double getFloat(String option, Double d) { throw unused(); }
    @Override public Double getFloat(String option, Double d, Bounds b) { throw unused(); }
    @Override public boolean getBoolean(String option) { throw unused(); }
    @Override public Boolean getBoolean(String option, Boolean d) { throw unused(); }
    @Override public List<String> getList(String o, List<String> d, String s) { throw unused(); }
    @Override public List<Integer> getIntList(String o, List<Integer> d, String s) { throw unused(); }
    @Override public List<Double> getFloatList(String o, List<Double> d, String s) { throw unused(); }
    @Override public List<List<String>> getLists(String o, List<List<String>> d, String s) { throw unused(); }
    @Override public List<String> getOptionNames() { return List.copyOf(options.keySet()); }
    @Override public ConfigSection getSection(String n) { throw unused(); }
    @Override public boolean hasSection(String n) { return false; }
    @Override public List<ConfigSection> getPrefixSections(String p) { return List.of(); }
    @Override public void markUsed(String option) { }
}
