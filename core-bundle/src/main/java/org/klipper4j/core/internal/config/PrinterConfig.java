/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;

/**
 * The loaded printer.cfg: its sections in file order with their raw values,
 * the record of which options modules read (Klipper's access tracking), and
 * the check for sections and options nobody read.
 *
 * <p>Use on the reactor thread only.
 */
public final class PrinterConfig {
    private final Printer printer;
    private final ParsedConfig parsed;
    private final Map<String, Map<String, Object>> accessed = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> rawStatus;
    private Map<String, Map<String, Object>> settingsStatus = Map.of();

    PrinterConfig(Printer printer, ParsedConfig parsed) {
        this.printer = printer;
        this.parsed = parsed;
        this.rawStatus = buildRawStatus(parsed.merged());
    }

    /**
     * Reads the main config file with its includes and SAVE_CONFIG block.
     *
     * @param printer  the printer the sections report from {@code getPrinter()}; may be null in tests
     * @param mainFile printer.cfg
     * @throws ConfigException with Klipper's message if a file cannot be read or parsed
     */
    public static PrinterConfig load(Printer printer, Path mainFile) {
        return new PrinterConfig(printer, new ConfigParser().parseMain(mainFile));
    }

    public Printer printer() {
        return printer;
    }

    public Path mainFile() {
        return parsed.mainFile();
    }

    public boolean hasSection(String name) {
        return parsed.merged().hasSection(name);
    }

    /** The named section; throws if the config has no such section. */
    public ConfigSection section(String name) {
        if (!hasSection(name)) {
            throw new ConfigException("Section '" + name + "' is not defined in the config");
        }
        return new ConfigSectionImpl(this, name);
    }

    /**
     * The named section whether or not the file has it (Klipper's
     * {@code getsection}, as {@code load_object} uses it): options of an absent
     * section read as their defaults.
     */
    public ConfigSection sectionOrEmpty(String name) {
        return new ConfigSectionImpl(this, name);
    }

    /** All sections in file order (SAVE_CONFIG-only sections last). */
    public List<ConfigSection> sections() {
        return prefixSections("");
    }

    /** Sections whose name starts with {@code prefix}, in file order. */
    public List<ConfigSection> prefixSections(String prefix) {
        List<ConfigSection> out = new ArrayList<>();
        for (String name : parsed.merged().sectionNames()) {
            if (name.startsWith(prefix)) {
                out.add(new ConfigSectionImpl(this, name));
            }
        }
        return out;
    }

    /** The raw text of an option, or null if absent. */
    public String rawValue(String section, String option) {
        return parsed.merged().get(section, option);
    }

    List<String> optionNames(String section) {
        return parsed.merged().options(section);
    }

    /** The SAVE_CONFIG block as loaded (options the regular config also has are left out). */
    RawConfig autosave() {
        return parsed.autosave();
    }

    void recordAccess(String section, String option, Object value) {
        accessed.computeIfAbsent(section.toLowerCase(Locale.ROOT), s -> new LinkedHashMap<>())
                .put(option.toLowerCase(Locale.ROOT), value);
    }

    /**
     * Klipper's check after all modules loaded: a section no module read (and
     * no printer object is named after) and an option no module read are errors.
     * Options from the SAVE_CONFIG block are always accepted. On success the
     * {@code configfile.settings} snapshot is taken.
     *
     * @param hintForSection text appended to the invalid-section error (e.g.
     *        {@code " (no installed bundle serves it)"}), or null for none
     * @throws ConfigException "Section 'x' is not a valid config section" or
     *         "Option 'x' is not valid in section 'y'"
     */
    public void checkUnusedOptions(Function<String, String> hintForSection) {
        Set<String> validSections = new HashSet<>(accessed.keySet());
        Set<String> validOptions = new HashSet<>();
        accessed.forEach((section, options) -> options.keySet().forEach(o -> validOptions.add(key(section, o))));
        RawConfig autosave = parsed.autosave();
        for (String section : autosave.sectionNames()) {
            for (String option : autosave.options(section)) {
                String lower = section.toLowerCase(Locale.ROOT);
                validSections.add(lower);
                validOptions.add(key(lower, option));
            }
        }
        if (printer != null) {
            printer.lookupObjects(null).forEach(e -> validSections.add(e.getKey()));
        }
        for (String sectionName : parsed.merged().sectionNames()) {
            String section = sectionName.toLowerCase(Locale.ROOT);
            if (!validSections.contains(section)) {
                String hint = hintForSection == null ? null : hintForSection.apply(section);
                throw new ConfigException("Section '" + section + "' is not a valid config section"
                        + (hint == null ? "" : hint));
            }
            for (String option : parsed.merged().options(sectionName)) {
                if (!validOptions.contains(key(section, option))) {
                    throw new ConfigException("Option '" + option + "' is not valid in section '" + section + "'");
                }
            }
        }
        settingsStatus = snapshotSettings();
    }

    /**
     * The config as Klipper writes it to the log at start (and on log rollover):
     * a "===== Config file =====" line, every section with {@code key = value}
     * lines, and a closing "=======================" line.
     */
    public String logText() {
        return "===== Config file =====\n" + AutosaveBlock.configText(parsed.merged()) + "\n=======================";
    }

    /** {@code configfile.settings}: section -> option -> value as read, lower-case; empty before the check. */
    public Map<String, Map<String, Object>> settingsStatus() {
        return settingsStatus;
    }

    /** {@code configfile.config}: section -> option -> raw text, as loaded. */
    public Map<String, Map<String, String>> rawConfigStatus() {
        return rawStatus;
    }

    private Map<String, Map<String, Object>> snapshotSettings() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        accessed.forEach((section, options) -> out.put(section, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Map<String, String>> buildRawStatus(RawConfig config) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String section : config.sectionNames()) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String option : config.options(section)) {
                options.put(option, config.get(section, option));
            }
            out.put(section, Collections.unmodifiableMap(options));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String key(String section, String option) {
        return section + '\u0000' + option;
    }
}
