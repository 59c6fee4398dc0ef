/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/**
 * A module that serves one config section family, like Klipper's {@code load_config}.
 *
 * <p>Registered as an OSGi service with the property {@value #SECTION} naming the
 * section (for example {@code safe_z_home}, {@code tmc2209}). With {@value #PREFIX}
 * {@code =true} it also serves {@code [name instance]} sections (Klipper's
 * {@code load_config_prefix}); then {@link #load} is called once per section. With
 * {@value #NUMBERED}{@code =true} it also serves the numbered sections {@code [name1]},
 * {@code [name2]}, ... without limit, as Klipper's {@code [extruder]}, {@code [extruder1]}, ...
 */
public interface PrinterModule {

    /** Service property: the section name this module serves. */
    String SECTION = "klipper.section";

    /** Service property: {@code true} if {@code [section name]} sections are served. */
    String PREFIX = "klipper.prefix";

    /** Service property: {@code true} if {@code [section1]}, {@code [section2]}, ... are served too. */
    String NUMBERED = "klipper.numbered";

    /**
     * Builds the printer object for one section. Reads every option here (unread
     * options are config errors); looks other objects up at {@code klippy:connect}.
     *
     * @return the printer object, registered under the section's full name; or
     *         {@code null} if the module registers what it needs itself
     */
    Object load(ConfigSection config);
}
