/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.Arrays;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;

/**
 * The {@code activate_gcode} and {@code deactivate_gcode} scripts of a probe. The template
 * engine (gcode_macro) is only loaded when the section has one of them, so a probe without
 * scripts works without it.
 */
final class ProbeTemplates {
    private final Printer printer;
    private final GCodeTemplate activate;
    private final GCodeTemplate deactivate;

    ProbeTemplates(ConfigSection config) {
        this.printer = config.getPrinter();
        if (config.hasOption("activate_gcode") || config.hasOption("deactivate_gcode")) {
            TemplateEngine engine = (TemplateEngine) printer.loadObject(config, TemplateEngine.OBJECT_NAME);
            activate = engine.loadTemplate(config, "activate_gcode", "");
            deactivate = engine.loadTemplate(config, "deactivate_gcode", "");
        } else {
            activate = null;
            deactivate = null;
        }
    }

    /** Runs activate_gcode; the toolhead must not move. */
    void lower() {
        run(activate, "Toolhead moved during probe activate_gcode script");
    }

    /** Runs deactivate_gcode; the toolhead must not move. */
    void raise() {
        run(deactivate, "Toolhead moved during probe deactivate_gcode script");
    }

    private void run(GCodeTemplate template, String movedMessage) {
        if (template == null) {
            return;
        }
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        double[] start = Arrays.copyOf(toolhead.getPosition(), 3);
        template.runGCodeFromCommand(null);
        if (!Arrays.equals(start, Arrays.copyOf(toolhead.getPosition(), 3))) {
            throw new CommandError(movedMessage);
        }
    }
}
