/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;

/**
 * One section of the loaded config, as Klipper's ConfigWrapper: typed getters
 * with Klipper's error messages, and every read (or applied default) recorded
 * in the owning {@link PrinterConfig} for validation and {@code configfile.settings}.
 *
 * <p>The section need not exist in the file: then getters return their
 * defaults (Klipper's {@code getsection} for {@code load_object}). A
 * {@code null} default means "optional": absent options give {@code null};
 * this also holds for {@link #getChoice} and the list getters.
 */
public final class ConfigSectionImpl implements ConfigSection {
    private final PrinterConfig owner;
    private final String name;

    ConfigSectionImpl(PrinterConfig owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Printer getPrinter() {
        return owner.printer();
    }

    @Override
    public boolean hasOption(String option) {
        return owner.rawValue(name, option) != null;
    }

    @Override
    public String get(String option) {
        return read(option, true, null, Function.identity());
    }

    @Override
    public String get(String option, String defaultValue) {
        return read(option, false, defaultValue, Function.identity());
    }

    @Override
    public int getInt(String option) {
        return getInt(option, null, true, null, null);
    }

    @Override
    public Integer getInt(String option, Integer defaultValue) {
        return getInt(option, defaultValue, false, null, null);
    }

    @Override
    public Integer getInt(String option, Integer defaultValue, Integer minval, Integer maxval) {
        return getInt(option, defaultValue, false, minval, maxval);
    }

    private Integer getInt(String option, Integer defaultValue, boolean required, Integer minval, Integer maxval) {
        boolean present = hasOption(option);
        Integer v = read(option, required, defaultValue, PythonValues::parseInt);
        if (present) {
            if (minval != null && v < minval) {
                throw optionError(option, "must have minimum of " + minval);
            }
            if (maxval != null && v > maxval) {
                throw optionError(option, "must have maximum of " + maxval);
            }
        }
        return v;
    }

    @Override
    public double getFloat(String option) {
        return getFloat(option, null, true, Bounds.NONE);
    }

    @Override
    public Double getFloat(String option, Double defaultValue) {
        return getFloat(option, defaultValue, false, Bounds.NONE);
    }

    @Override
    public Double getFloat(String option, Double defaultValue, Bounds bounds) {
        return getFloat(option, defaultValue, false, bounds == null ? Bounds.NONE : bounds);
    }

    private Double getFloat(String option, Double defaultValue, boolean required, Bounds bounds) {
        boolean present = hasOption(option);
        Double v = read(option, required, defaultValue, PythonValues::parseFloat);
        if (present) {
            String violation = bounds.violation(v);
            if (violation != null) {
                throw optionError(option, violation);
            }
        }
        return v;
    }

    @Override
    public boolean getBoolean(String option) {
        return read(option, true, null, PythonValues::parseBoolean);
    }

    @Override
    public Boolean getBoolean(String option, Boolean defaultValue) {
        return read(option, false, defaultValue, PythonValues::parseBoolean);
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
        return read(option, false, defaultValue, raw -> {
            List<String> out = new ArrayList<>();
            for (String part : split(raw, separator)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    @Override
    public List<Integer> getIntList(String option, List<Integer> defaultValue, String separator) {
        return read(option, false, defaultValue, raw -> parsedList(raw, separator, PythonValues::parseInt));
    }

    @Override
    public List<Double> getFloatList(String option, List<Double> defaultValue, String separator) {
        return read(option, false, defaultValue, raw -> parsedList(raw, separator, PythonValues::parseFloat));
    }

    @Override
    public List<List<String>> getLists(String option, List<List<String>> defaultValue, String separator) {
        return read(option, false, defaultValue, raw -> {
            List<List<String>> rows = new ArrayList<>();
            for (String row : split(raw, "\n")) {
                if (!row.isEmpty()) {
                    rows.add(Collections.unmodifiableList(split(row, separator)));
                }
            }
            return Collections.unmodifiableList(rows);
        });
    }

    @Override
    public List<String> getOptionNames() {
        return owner.optionNames(name);
    }

    @Override
    public ConfigSection getSection(String section) {
        return owner.sectionOrEmpty(section);
    }

    @Override
    public boolean hasSection(String section) {
        return owner.hasSection(section);
    }

    @Override
    public List<ConfigSection> getPrefixSections(String prefix) {
        return owner.prefixSections(prefix);
    }

    @Override
    public void markUsed(String option) {
        String raw = owner.rawValue(name, option);
        if (raw != null) {
            owner.recordAccess(name, option, raw);
        }
    }

    @Override
    public String toString() {
        return "[" + name + "]";
    }

    /**
     * Klipper's {@code _get_wrapper}: the default (recorded unless null) when
     * the option is absent and not required, else the parsed value (recorded).
     */
    private <T> T read(String option, boolean required, T defaultValue, Function<String, T> parser) {
        String raw = owner.rawValue(name, option);
        if (raw == null) {
            if (required) {
                throw optionError(option, "must be specified");
            }
            if (defaultValue != null) {
                owner.recordAccess(name, option, defaultValue);
            }
            return defaultValue;
        }
        T value;
        try {
            value = parser.apply(raw);
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException("Unable to parse option '" + option + "' in section '" + name + "'");
        }
        owner.recordAccess(name, option, value);
        return value;
    }

    private ConfigException optionError(String option, String what) {
        return new ConfigException("Option '" + option + "' in section '" + name + "' " + what);
    }

    /** Splits on a literal separator and strips each part; an all-blank value gives no parts. */
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
        return Collections.unmodifiableList(out);
    }
}
