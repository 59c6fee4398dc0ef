/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.homingoverride.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;

/**
 * Runs the configured {@code gcode} instead of G28 when G28 homes one of {@code axes}
 * (or no axis is named). Before the script, the {@code set_position_*} axes are set to
 * their positions and marked homed. A G28 inside the script runs the real homing.
 */
final class HomingOverride {
    private static final String AXES = "xyz";

    private final Printer printer;
    private final Double[] startPosition = new Double[3];
    private final String axes;
    private final GCodeTemplate template;
    private GCodeHandler previousG28;
    private boolean inScript;

    HomingOverride(ConfigSection config) {
        printer = config.getPrinter();
        for (int i = 0; i < 3; i++) {
            startPosition[i] = config.getFloat("set_position_" + AXES.charAt(i), null);
        }
        axes = config.get("axes", "XYZ").toUpperCase(java.util.Locale.ROOT);
        Object engine = printer.hasModule(TemplateEngine.OBJECT_NAME)
                ? printer.loadObject(config, TemplateEngine.OBJECT_NAME)
                : printer.findObject(TemplateEngine.OBJECT_NAME, Object.class).orElse(null);
        if (!(engine instanceof TemplateEngine macros)) {
            throw new ConfigException("Section 'homing_override' needs G-code templates: install the gcode-macro bundle");
        }
        template = macros.loadTemplate(config, "gcode");
        // the toolhead ([printer], loaded last) registers G28: take it over once all is loaded
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> takeOverG28());
    }

    private void takeOverG28() {
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        previousG28 = gcode.getHandler("G28");
        if (previousG28 == null) {
            throw new ConfigException("homing_override: no G28 command to override");
        }
        gcode.registerCommand("G28", null, null);
        gcode.registerCommand("G28", this::cmdG28, null);
    }

    private void cmdG28(GCodeCommand cmd) throws Exception {
        if (inScript) {
            // G28 from the script itself: the real homing
            previousG28.handle(cmd);
            return;
        }
        if (!overrides(cmd)) {
            previousG28.handle(cmd);
            return;
        }
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        double[] pos = toolhead.getPosition();
        StringBuilder homingAxes = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (startPosition[i] != null) {
                pos[i] = startPosition[i];
                homingAxes.append(AXES.charAt(i));
            }
        }
        toolhead.setPosition(pos, homingAxes.toString());
        Map<String, Object> context = template.createContext();
        context.put("params", cmd.getCommandParameters());
        inScript = true;
        try {
            template.runGCodeFromCommand(context);
        } finally {
            inScript = false;
        }
    }

    /** True when no axis is named or a named axis is one of {@code axes}. */
    private boolean overrides(GCodeCommand cmd) {
        boolean anyAxis = false;
        for (char axis : new char[] {'X', 'Y', 'Z'}) {
            if (cmd.get(String.valueOf(axis), null) != null) {
                anyAxis = true;
                if (axes.indexOf(axis) >= 0) {
                    return true;
                }
            }
        }
        return !anyAxis;
    }
}
