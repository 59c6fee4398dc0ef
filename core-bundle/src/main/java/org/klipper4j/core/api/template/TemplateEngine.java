/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.template;

import org.klipper4j.core.api.ConfigSection;

/**
 * Compiles G-code templates (Klipper's {@code PrinterGCodeMacro}). Registered as the
 * printer object {@code "gcode_macro"}.
 */
public interface TemplateEngine {

    /** The printer object name of the engine. */
    String OBJECT_NAME = "gcode_macro";

    /**
     * Compiles the template held in a required option of {@code config}; a syntax error
     * is a config error naming the section and the option.
     */
    GCodeTemplate loadTemplate(ConfigSection config, String option);

    /** As {@link #loadTemplate(ConfigSection, String)} with a default for a missing option. */
    GCodeTemplate loadTemplate(ConfigSection config, String option, String defaultSource);

    /**
     * Compiles a template from text; {@code name} appears in error messages.
     *
     * @throws IllegalArgumentException with a readable message on a syntax error
     */
    GCodeTemplate createTemplate(String name, String source);
}
