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
 */
public record ModuleEntry(String section, boolean prefix, PrinterModule module, String origin, long serviceId,
        int ranking) {

    /** True if this module serves the section named {@code sectionName} (e.g. {@code "fan_generic fan1"}). */
    public boolean serves(String sectionName) {
        String first = firstWord(sectionName);
        if (!first.equals(section)) {
            return false;
        }
        return prefix || first.length() == sectionName.trim().length();
    }

    static String firstWord(String sectionName) {
        String trimmed = sectionName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
