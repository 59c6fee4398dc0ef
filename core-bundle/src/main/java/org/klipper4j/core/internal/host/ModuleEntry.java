/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import org.klipper4j.core.api.PrinterModule;

/**
 * One module service as the host sees it.
 *
 * @param section   the section name it serves
 * @param prefix    whether it serves {@code [section name]}
 * @param module    the service object
 * @param origin    the bundle (symbolic name and version) that registered it
 * @param serviceId the OSGi service id, or a negative id for core-internal modules
 * @param ranking   the service ranking (higher wins when two serve one section)
 * @param numbered  whether it also serves {@code [section1]}, {@code [section2]}, ...
 */
public record ModuleEntry(String section, boolean prefix, PrinterModule module, String origin, long serviceId,
        int ranking, boolean numbered) {

    /** A module for {@code section} alone (and its instances if {@code prefix}), not numbered ones. */
    public ModuleEntry(String section, boolean prefix, PrinterModule module, String origin, long serviceId,
            int ranking) {
        this(section, prefix, module, origin, serviceId, ranking, false);
    }

    /** True if this module serves the section named {@code sectionName} (e.g. {@code "fan_generic fan1"}). */
    public boolean serves(String sectionName) {
        String first = firstWord(sectionName);
        if (!servesName(first)) {
            return false;
        }
        return prefix || first.length() == sectionName.trim().length();
    }

    /** True if {@code name} (a section's first word) is this module's section or, if numbered, one of its numbers. */
    public boolean servesName(String name) {
        if (name.equals(section)) {
            return true;
        }
        // Klipper counts extruder1, extruder2, ...: no zero, no leading zeros
        return numbered && name.startsWith(section) && name.substring(section.length()).matches("[1-9][0-9]*");
    }

    static String firstWord(String sectionName) {
        String trimmed = sectionName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
