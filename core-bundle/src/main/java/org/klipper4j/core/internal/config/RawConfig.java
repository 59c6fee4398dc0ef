/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sections and their raw string options, in file order, as Python's
 * RawConfigParser keeps them: section names are case-sensitive, option names
 * are stored lower-case, and setting an existing option keeps its position.
 */
final class RawConfig {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    static String optionKey(String option) {
        return option.toLowerCase(Locale.ROOT);
    }

    boolean hasSection(String section) {
        return sections.containsKey(section);
    }

    /** Adds an empty section unless it exists already. */
    void addSection(String section) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
    }

    void removeSection(String section) {
        sections.remove(section);
    }

    List<String> sectionNames() {
        return new ArrayList<>(sections.keySet());
    }

    boolean isEmpty() {
        return sections.isEmpty();
    }

    boolean hasOption(String section, String option) {
        Map<String, String> options = section == null ? null : sections.get(section);
        return options != null && options.containsKey(optionKey(option));
    }

    /** The raw value, or null if the section or option is absent. */
    String get(String section, String option) {
        Map<String, String> options = sections.get(section);
        return options == null ? null : options.get(optionKey(option));
    }

    /** Sets an option, adding the section if needed. */
    void set(String section, String option, String value) {
        addSection(section);
        sections.get(section).put(optionKey(option), value);
    }

    /** Option names (lower-case) of a section in file order; empty if the section is absent. */
    List<String> options(String section) {
        Map<String, String> options = sections.get(section);
        return options == null ? List.of() : new ArrayList<>(options.keySet());
    }

    /** A deep copy, so staged changes do not touch the loaded config. */
    RawConfig copy() {
        RawConfig copy = new RawConfig();
        sections.forEach((name, options) -> copy.sections.put(name, new LinkedHashMap<>(options)));
        return copy;
    }
}
