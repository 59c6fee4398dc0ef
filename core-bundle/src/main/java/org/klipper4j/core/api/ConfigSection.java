/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

import java.util.List;
import java.util.Map;

/**
 * One section of printer.cfg, as Klipper's ConfigWrapper: typed getters that
 * record which options were read, so unread options can be reported.
 *
 * <p>Getters without a default throw {@link ConfigException} naming the section
 * and option when the option is missing. A {@code null} default makes the
 * option optional and returns {@code null} when absent.
 */
public interface ConfigSection {

    /** The full section name, e.g. {@code "stepper_x"} or {@code "tmc2209 stepper_x"}. */
    String getName();

    /** The printer this config belongs to. */
    Printer getPrinter();

    boolean hasOption(String option);

    String get(String option);

    String get(String option, String defaultValue);

    int getInt(String option);

    Integer getInt(String option, Integer defaultValue);

    Integer getInt(String option, Integer defaultValue, Integer minval, Integer maxval);

    double getFloat(String option);

    Double getFloat(String option, Double defaultValue);

    Double getFloat(String option, Double defaultValue, Bounds bounds);

    boolean getBoolean(String option);

    Boolean getBoolean(String option, Boolean defaultValue);

    /** The value must be one of the map's keys; returns the mapped value. */
    <T> T getChoice(String option, Map<String, T> choices, String defaultValue);

    /** A separator-delimited list (Klipper's getlist); blank entries are dropped. */
    List<String> getList(String option, List<String> defaultValue, String separator);

    List<Integer> getIntList(String option, List<Integer> defaultValue, String separator);

    List<Double> getFloatList(String option, List<Double> defaultValue, String separator);

    /** A list of lists: rows split by newline, entries split by {@code separator}. */
    List<List<String>> getLists(String option, List<List<String>> defaultValue, String separator);

    /** All option names in this section, in file order. */
    List<String> getOptionNames();

    /**
     * Another section by name, as Klipper's {@code getsection}: a section the file
     * does not have reads every option as its default.
     */
    ConfigSection getSection(String name);

    boolean hasSection(String name);

    /** Sections whose name starts with {@code prefix}, in file order. */
    List<ConfigSection> getPrefixSections(String prefix);

    /** Marks options as used without reading them (Klipper's access tracking). */
    void markUsed(String option);

    /** A config error that names this section. */
    default ConfigException error(String message) {
        return new ConfigException(message);
    }
}
