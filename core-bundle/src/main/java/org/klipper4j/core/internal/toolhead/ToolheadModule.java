/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.PrinterHoming;
import org.klipper4j.core.internal.gcode.GCodeMove;

/**
 * Serves {@code [printer]}: creates the toolhead (registered as {@code toolhead})
 * with its commands and homing. Kinematics come from the registry given.
 */
public final class ToolheadModule implements PrinterModule {
    private final KinematicsRegistry kinematics;

    public ToolheadModule(KinematicsRegistry kinematics) {
        this.kinematics = kinematics;
    }

    @Override
    public Object load(ConfigSection config) {
        var printer = config.getPrinter();
        ToolheadImpl toolhead = new ToolheadImpl(config, kinematics);
        printer.addObject("toolhead", toolhead);
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        new ToolheadCommands(toolhead, gcode);
        printer.addObject(PrinterHoming.NAME, new HomingCommands(printer, toolhead, gcode));
        // Klipper's toolhead always loads idle_timeout (motors and heaters off after
        // a long idle, the Printing/Ready/Idle state) and manual_probe (MANUAL_PROBE,
        // Z_ENDSTOP_CALIBRATE), when their bundles are installed
        for (String module : new String[] {"idle_timeout", "manual_probe"}) {
            if (printer.hasModule(module)) {
                printer.loadObject(config, module);
            }
        }
        printer.findObject("gcode_move", GCodeMove.class)
                .ifPresent(move -> move.setStepperReport(new StepperPositionReport(toolhead::getKinematics)));
        return null;
    }
}
