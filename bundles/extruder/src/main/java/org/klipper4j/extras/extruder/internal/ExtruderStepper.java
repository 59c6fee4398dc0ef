/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * An extruder's stepper motor (Klipper's ExtruderStepper): the stepper, its
 * pressure advance settings, and the commands SET_PRESSURE_ADVANCE,
 * SET_EXTRUDER_ROTATION_DISTANCE and SYNC_EXTRUDER_MOTION for it.
 */
final class ExtruderStepper {
    static final String SET_PA_HELP = "Set pressure advance parameters";
    static final String ROTATION_HELP = "Set extruder rotation distance";
    static final String SYNC_HELP = "Set extruder stepper motion queue";

    private final Printer printer;
    private final String name;
    private final double configPressureAdvance;
    private final double configSmoothTime;
    private final Stepper stepper;
    private final ExtruderStepperKinematics kinematics = new ExtruderStepperKinematics();
    private final MotionQueuing motionQueuing;
    private double pressureAdvance;
    private double smoothTime;
    private String motionQueue;

    ExtruderStepper(ConfigSection config) {
        this.printer = config.getPrinter();
        String[] words = config.getName().trim().split("\\s+");
        this.name = words[words.length - 1];
        this.configPressureAdvance = config.getFloat("pressure_advance", 0., Bounds.min(0.));
        this.configSmoothTime = config.getFloat("pressure_advance_smooth_time", 0.040,
                Bounds.above(0.).andMax(.200));
        this.motionQueuing = (MotionQueuing) printer.loadObject(config, MotionQueuing.NAME);
        this.stepper = motionQueuing.createStepper(config, false);
        stepper.setStepperKinematics(kinematics);
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> handleConnect());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        if (name.equals("extruder")) {
            gcode.registerMuxCommand("SET_PRESSURE_ADVANCE", "EXTRUDER", null, this::cmdDefaultSetPressureAdvance,
                    SET_PA_HELP);
        }
        gcode.registerMuxCommand("SET_PRESSURE_ADVANCE", "EXTRUDER", name, this::cmdSetPressureAdvance,
                SET_PA_HELP);
        gcode.registerMuxCommand("SET_EXTRUDER_ROTATION_DISTANCE", "EXTRUDER", name, this::cmdRotationDistance,
                ROTATION_HELP);
        gcode.registerMuxCommand("SYNC_EXTRUDER_MOTION", "EXTRUDER", name, this::cmdSyncExtruderMotion, SYNC_HELP);
    }

    private void handleConnect() {
        setPressureAdvance(configPressureAdvance, configSmoothTime);
    }

    String getName() {
        return name;
    }

    Stepper getStepper() {
        return stepper;
    }

    ExtruderStepperKinematics getKinematics() {
        return kinematics;
    }

    /** Follows the moves of {@code extruder} (its trapq and history); null stops following. */
    void attachTo(PrinterExtruder extruder) {
        if (extruder == null) {
            stepper.setTrapq(null);
            kinematics.setHistory(null);
            return;
        }
        kinematics.setHistory(extruder.getHistory());
        stepper.setTrapq(extruder.getTrapq());
    }

    /** Klipper's sync_to_extruder: an empty name detaches the stepper. */
    void syncToExtruder(String extruderName) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        toolhead.flushStepGeneration();
        if (extruderName == null || extruderName.isEmpty()) {
            attachTo(null);
            motionQueue = null;
            motionQueuing.checkStepGenerationScanWindows();
            return;
        }
        PrinterExtruder extruder = printer.findObject(extruderName, PrinterExtruder.class)
                .orElseThrow(() -> new CommandError("'" + extruderName + "' is not a valid extruder."));
        stepper.setPosition(extruder.getLastPosition(), 0., 0.);
        attachTo(extruder);
        motionQueue = extruderName;
        motionQueuing.checkStepGenerationScanWindows();
    }

    /**
     * Applies new settings. A changed smoothing window changes how far around a
     * move steps are generated: everything queued is flushed and the new values
     * apply at once. Otherwise the advance applies to moves queued from now on.
     */
    void setPressureAdvance(double advance, double newSmoothTime) {
        double oldActiveSmooth = pressureAdvance == 0. ? 0. : smoothTime;
        double newActiveSmooth = advance == 0. ? 0. : newSmoothTime;
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        if (newActiveSmooth != oldActiveSmooth) {
            toolhead.flushStepGeneration();
            kinematics.setPressureAdvance(0., advance, newActiveSmooth);
            motionQueuing.checkStepGenerationScanWindows();
        } else {
            toolhead.registerLookaheadCallback(
                    printTime -> kinematics.setPressureAdvance(printTime, advance, newActiveSmooth));
        }
        pressureAdvance = advance;
        smoothTime = newSmoothTime;
    }

    private void cmdDefaultSetPressureAdvance(GCodeCommand gcmd) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        if (!(toolhead.getExtruder() instanceof PrinterExtruder extruder) || extruder.getExtruderStepper() == null) {
            throw gcmd.error("Active extruder does not have a stepper");
        }
        ExtruderStepper es = extruder.getExtruderStepper();
        if (es.stepper.getTrapq() != extruder.getTrapq()) {
            throw gcmd.error("Unable to infer active extruder stepper");
        }
        es.cmdSetPressureAdvance(gcmd);
    }

    private void cmdSetPressureAdvance(GCodeCommand gcmd) {
        double advance = gcmd.getFloat("ADVANCE", pressureAdvance, Bounds.min(0.));
        double newSmooth = gcmd.getFloat("SMOOTH_TIME", smoothTime, Bounds.range(0., .200));
        setPressureAdvance(advance, newSmooth);
        gcmd.respondInfo(String.format(Locale.ROOT, "pressure_advance: %.6f\npressure_advance_smooth_time: %.6f",
                advance, newSmooth));
    }

    private void cmdRotationDistance(GCodeCommand gcmd) {
        Double distance = gcmd.has("DISTANCE") ? gcmd.getFloat("DISTANCE") : null;
        double rotationDist;
        if (distance != null) {
            if (distance == 0.) {
                throw gcmd.error("Rotation distance can not be zero");
            }
            // a negative distance flips the motor direction
            boolean nextInvertDir = distance < 0. ? !stepper.isOrigDirInverted() : stepper.isOrigDirInverted();
            rotationDist = Math.abs(distance);
            printer.lookupObject("toolhead", Toolhead.class).flushStepGeneration();
            stepper.setRotationDistance(rotationDist);
            stepper.setDirInverted(nextInvertDir);
        } else {
            rotationDist = stepper.getRotationDistance()[0];
        }
        if (stepper.isDirInverted() != stepper.isOrigDirInverted()) {
            rotationDist = -rotationDist;
        }
        gcmd.respondInfo(String.format(Locale.ROOT, "Extruder '%s' rotation distance set to %.6f", name,
                rotationDist));
    }

    private void cmdSyncExtruderMotion(GCodeCommand gcmd) {
        String queue = gcmd.get("MOTION_QUEUE");
        syncToExtruder(queue);
        gcmd.respondInfo(String.format("Extruder '%s' now syncing with '%s'", name, queue));
    }

    Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("pressure_advance", pressureAdvance);
        res.put("smooth_time", smoothTime);
        res.put("motion_queue", motionQueue);
        return res;
    }
}
