/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.List;
import java.util.Map;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;

/** A driver section whose {@code getSection} finds its stepper section. */
final class SectionWithStepper implements ConfigSection {
    private final ConfigSection c;
    private final ConfigSection stepper;

    SectionWithStepper(ConfigSection c, ConfigSection stepper) {
        this.c = c;
        this.stepper = stepper;
    }

    @Override public String getName() { return c.getName(); }
    @Override public Printer getPrinter() { return c.getPrinter(); }
    @Override public boolean hasOption(String o) { return c.hasOption(o); }
    @Override public String get(String o) { return c.get(o); }
    @Override public String get(String o, String d) { return c.get(o, d); }
    @Override public int getInt(String o) { return c.getInt(o); }
    @Override public Integer getInt(String o, Integer d) { return c.getInt(o, d); }
    @Override public Integer getInt(String o, Integer d, Integer mn, Integer mx) { return c.getInt(o, d, mn, mx); }
    @Override public double getFloat(String o) { return c.getFloat(o); }
    @Override public Double getFloat(String o, Double d) { return c.getFloat(o, d); }
    @Override public Double getFloat(String o, Double d, Bounds b) { return c.getFloat(o, d, b); }
    @Override public boolean getBoolean(String o) { return c.getBoolean(o); }
    @Override public Boolean getBoolean(String o, Boolean d) { return c.getBoolean(o, d); }
    @Override public <T> T getChoice(String o, Map<String, T> ch, String d) { return c.getChoice(o, ch, d); }
    @Override public List<String> getList(String o, List<String> d, String s) { return c.getList(o, d, s); }
    @Override public List<Integer> getIntList(String o, List<Integer> d, String s) { return c.getIntList(o, d, s); }
    @Override public List<Double> getFloatList(String o, List<Double> d, String s) { return c.getFloatList(o, d, s); }
    @Override public List<List<String>> getLists(String o, List<List<String>> d, String s) { return c.getLists(o, d, s); }
    @Override public List<String> getOptionNames() { return c.getOptionNames(); }
    @Override public ConfigSection getSection(String name) { return stepper; }
    @Override public boolean hasSection(String name) { return name.equals(stepper.getName()); }
    @Override public List<ConfigSection> getPrefixSections(String p) { return c.getPrefixSections(p); }
    @Override public void markUsed(String o) { c.markUsed(o); }
}
