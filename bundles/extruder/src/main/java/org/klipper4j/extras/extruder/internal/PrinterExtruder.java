/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeatedExtruder;
import org.klipper4j.extras.heaters.api.Heaters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code [extruder]} / {@code [extruderN]} section (Klipper's PrinterExtruder):
 * the hotend heater, the extrusion limits the toolhead checks through
 * {@link ExtraAxis}, the extrusion trapq and, when configured, its stepper.
 */
public final class PrinterExtruder implements ExtraAxis, HeatedExtruder, StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(PrinterExtruder.class);
    static final String ACTIVATE_HELP = "Change the active extruder";

    private final Printer printer;
    private final String name;
    private final Heaters heaters;
    private final Heater heater;
    private final double nozzleDiameter;
    private final double filamentArea;
    private final double maxExtrudeRatio;
    private final double maxEVelocity;
    private final double maxEAccel;
    private final double maxEDistance;
    private final double instantCornerVelocity;
    private final TrapQueue trapq;
    private final ExtrusionHistory history = new ExtrusionHistory();
    private final ExtruderStepper extruderStepper;
    private double lastPosition;

    /** {@code index} is the N of {@code extruderN} (0 for {@code extruder}): the heater's {@code T} id. */
    public PrinterExtruder(ConfigSection config, int index) {
        this.printer = config.getPrinter();
        this.name = config.getName();
        this.heaters = printer.findObject("heaters", Heaters.class)
                .orElseGet(() -> (Heaters) printer.loadObject(config, "heaters"));
        this.heater = heaters.setupHeater(config, "T" + index);
        nozzleDiameter = requiredFloat(config, "nozzle_diameter", Bounds.above(0.));
        double filamentDiameter = requiredFloat(config, "filament_diameter", Bounds.min(nozzleDiameter));
        filamentArea = Math.PI * Math.pow(filamentDiameter * .5, 2);
        double defMaxCrossSection = 4. * nozzleDiameter * nozzleDiameter;
        double defMaxExtrudeRatio = defMaxCrossSection / filamentArea;
        double maxCrossSection = config.getFloat("max_extrude_cross_section", defMaxCrossSection, Bounds.above(0.));
        maxExtrudeRatio = maxCrossSection / filamentArea;
        LOG.info(String.format(Locale.ROOT, "Extruder max_extrude_ratio=%.6f", maxExtrudeRatio));
        // [printer] is built after the extruder: read its limits from the config
        ConfigSection printerConfig = config.getSection("printer");
        double maxVelocity = printerConfig.getFloat("max_velocity");
        double maxAccel = printerConfig.getFloat("max_accel");
        maxEVelocity = config.getFloat("max_extrude_only_velocity", maxVelocity * defMaxExtrudeRatio,
                Bounds.above(0.));
        maxEAccel = config.getFloat("max_extrude_only_accel", maxAccel * defMaxExtrudeRatio, Bounds.above(0.));
        maxEDistance = config.getFloat("max_extrude_only_distance", 50., Bounds.min(0.));
        instantCornerVelocity = config.getFloat("instantaneous_corner_velocity", 1., Bounds.min(0.));
        MotionQueuing motionQueuing = (MotionQueuing) printer.loadObject(config, MotionQueuing.NAME);
        trapq = motionQueuing.allocateTrapq();
        motionQueuing.registerFlushCallback((flushTime, stepGenTime) -> history.expire(stepGenTime), false);
        if (config.get("step_pin", null) != null || config.get("dir_pin", null) != null
                || config.get("rotation_distance", null) != null) {
            extruderStepper = new ExtruderStepper(config);
            extruderStepper.attachTo(this);
        } else {
            extruderStepper = null;
        }
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("ACTIVATE_EXTRUDER", "EXTRUDER", name, this::cmdActivateExtruder, ACTIVATE_HELP);
        if (name.equals("extruder")) {
            printer.registerEventHandler(PrinterEvents.CONNECT,
                    args -> printer.lookupObject("toolhead", Toolhead.class).setExtruder(this, 0.));
        }
    }

    /** A required option with bounds: missing and out-of-range values are config errors. */
    private static double requiredFloat(ConfigSection config, String option, Bounds bounds) {
        if (!config.hasOption(option)) {
            return config.getFloat(option);
        }
        return config.getFloat(option, null, bounds);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Heater getHeater() {
        return heater;
    }

    @Override
    public TrapQueue getTrapq() {
        return trapq;
    }

    ExtrusionHistory getHistory() {
        return history;
    }

    ExtruderStepper getExtruderStepper() {
        return extruderStepper;
    }

    /** The filament position at the end of the last queued move. */
    double getLastPosition() {
        return lastPosition;
    }

    @Override
    public void checkMove(ToolheadMove move, int eIndex) {
        double[] axesD = move.axesD();
        double axisR = move.axesR()[eIndex];
        if (!heater.canExtrude()) {
            throw new CommandError("Extrude below minimum temp\n"
                    + "See the 'min_extrude_temp' config option for details");
        }
        if ((axesD[0] == 0. && axesD[1] == 0.) || axisR < 0.) {
            // extrude-only move or retraction: its own distance, speed and accel limits
            if (Math.abs(axesD[eIndex]) > maxEDistance) {
                throw new CommandError(String.format(Locale.ROOT,
                        "Extrude only move too long (%.3fmm vs %.3fmm)\n"
                                + "See the 'max_extrude_only_distance' config option for details",
                        axesD[eIndex], maxEDistance));
            }
            double invExtrudeR = 1. / Math.abs(axisR);
            move.limitSpeed(maxEVelocity * invExtrudeR, maxEAccel * invExtrudeR);
        } else if (axisR > maxExtrudeRatio) {
            if (axesD[eIndex] <= nozzleDiameter * maxExtrudeRatio) {
                // a tiny extrusion is allowed whatever its ratio
                return;
            }
            double area = axisR * filamentArea;
            throw new CommandError(String.format(Locale.ROOT,
                    "Move exceeds maximum extrusion (%.3fmm^2 vs %.3fmm^2)\n"
                            + "See the 'max_extrude_cross_section' config option for details",
                    area, maxExtrudeRatio * filamentArea));
        }
    }

    @Override
    public double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex) {
        double diffR = move.axesR()[eIndex] - prevMove.axesR()[eIndex];
        if (diffR != 0.) {
            double v = instantCornerVelocity / Math.abs(diffR);
            return v * v;
        }
        return move.maxCruiseV2();
    }

    @Override
    public void processMove(double printTime, ToolheadMove move, int eIndex) {
        double axisR = move.axesR()[eIndex];
        double[] axesD = move.axesD();
        double accel = move.accel() * axisR;
        double startV = move.startV() * axisR;
        double cruiseV = move.cruiseV() * axisR;
        // pressure advance only while extruding during XY motion
        boolean canPressureAdvance = axisR > 0. && (axesD[0] != 0. || axesD[1] != 0.);
        double startPos = move.startPos()[eIndex];
        trapq.append(printTime, move.accelT(), move.cruiseT(), move.decelT(), startPos, 0., 0., 1.,
                canPressureAdvance ? 1. : 0., 0., startV, cruiseV, accel);
        history.append(printTime, move.accelT(), move.cruiseT(), move.decelT(), startPos, startV, cruiseV, accel,
                canPressureAdvance);
        lastPosition = move.endPos()[eIndex];
    }

    private void cmdActivateExtruder(GCodeCommand gcmd) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        if (toolhead.getExtruder() == this) {
            gcmd.respondInfo("Extruder " + name + " already active");
            return;
        }
        gcmd.respondInfo("Activating extruder " + name);
        toolhead.flushStepGeneration();
        toolhead.setExtruder(this, lastPosition);
        heaters.setActiveExtruder(name);
        printer.sendEvent("extruder:activate_extruder");
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> res = new LinkedHashMap<>(heater.getStatus(eventtime));
        res.put("can_extrude", heater.canExtrude());
        if (extruderStepper != null) {
            res.putAll(extruderStepper.getStatus(eventtime));
        }
        return res;
    }
}
