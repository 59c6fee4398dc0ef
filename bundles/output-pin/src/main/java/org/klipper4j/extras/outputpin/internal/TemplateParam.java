/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.gcode.GCodeCommand;

/**
 * The {@code TEMPLATE=} parameter of SET_PIN. Display templates are not supported
 * yet, so every named template is unknown (Klipper's message); an empty name
 * switches templates off, which is a no-op here.
 */
final class TemplateParam {
    private TemplateParam() {
    }

    static void apply(GCodeCommand cmd, String templateName) {
        if (!templateName.isEmpty()) {
            throw cmd.error("Unknown display_template '" + templateName + "'");
        }
    }
}
