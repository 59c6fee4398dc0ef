/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.idex.DualCarriages;

/**
 * The {@code [input_shaper]} printer object: reads the X, Y and Z shapers, wraps
 * the kinematics of every toolhead stepper in a {@link ShapedStepperKinematics},
 * keeps the step generation window in line with the shapers, and serves
 * SET_INPUT_SHAPER and the {@code input_shaper} status.
 */
public final class InputShaper implements StatusProvider {
    private static final String[] TYPE_PARAMS = {"SHAPER_TYPE_X", "SHAPER_TYPE_Y", "SHAPER_TYPE_Z"};

    private final Printer printer;
    private final List<AxisShaper> shapers = new ArrayList<>();
    private final List<ShapedStepperKinematics> shaped = new ArrayList<>();
    private Toolhead toolhead;

    public InputShaper(ConfigSection config) {
        this.printer = config.getPrinter();
        for (char axis : new char[] {'x', 'y', 'z'}) {
            shapers.add(new AxisShaper(axis, config));
        }
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> connect());
        printer.registerEventHandler(DualCarriages.UPDATE_KINEMATICS_EVENT, args -> updateKinematics());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("SET_INPUT_SHAPER", this::cmdSetInputShaper,
                "Set cartesian parameters for input shaper");
    }

    private void connect() {
        toolhead = printer.lookupObject("toolhead", Toolhead.class);
        updateInputShaping(ConfigException::new);
    }

    /**
     * A dual carriage changed which axes its steppers follow: the shaped kinematics read
     * the new axes themselves, the step generation window may have changed with them.
     */
    private void updateKinematics() {
        if (toolhead == null) {
            return; // not connected yet: connect() sets everything up
        }
        for (Stepper stepper : toolhead.getKinematics().getSteppers()) {
            if (stepper.getTrapq() != null) {
                shapedKinematics(stepper);
            }
        }
        printer.lookupObject(MotionQueuing.NAME, MotionQueuing.class).checkStepGenerationScanWindows();
    }


    public List<AxisShaper> getShapers() {
        return List.copyOf(shapers);
    }

    /** The shaping kinematics of a stepper, wrapping it on first use; null if it cannot be shaped. */
    private ShapedStepperKinematics shapedKinematics(Stepper stepper) {
        StepperKinematics sk = stepper.getStepperKinematics();
        if (sk instanceof ShapedStepperKinematics s && shaped.contains(s)) {
            return s;
        }
        if (sk == null || !ShapedStepperKinematics.canShape(sk)) {
            // Not remembered as unshapeable: a parked dual carriage follows no axis only
            // for now (Klipper keeps it off the trapq then), and is wrapped once it moves.
            return null;
        }
        ShapedStepperKinematics s = new ShapedStepperKinematics(sk);
        stepper.setStepperKinematics(s);
        shaped.add(s);
        return s;
    }

    /** Pushes the axis shapers into every stepper (Klipper's _update_input_shaping). */
    private void updateInputShaping(Function<String, RuntimeException> error) {
        toolhead.flushStepGeneration();
        List<AxisShaper> failed = new ArrayList<>();
        for (AxisShaper shaper : shapers) {
            if (shaper.pulses() == null) {
                failed.add(shaper);
                shaper.dropPulses();
            }
        }
        for (Stepper stepper : toolhead.getKinematics().getSteppers()) {
            if (stepper.getTrapq() == null) {
                continue;
            }
            ShapedStepperKinematics sk = shapedKinematics(stepper);
            if (sk == null) {
                continue;
            }
            for (int axis = 0; axis < shapers.size(); axis++) {
                sk.setPulses(axis, shapers.get(axis).pulses());
            }
        }
        MotionQueuing mq = printer.lookupObject(MotionQueuing.NAME, MotionQueuing.class);
        mq.checkStepGenerationScanWindows();
        if (!failed.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (AxisShaper s : failed) {
                names.add(s.name());
            }
            throw error.apply("Failed to configure shaper(s) " + String.join(", ", names)
                    + " with given parameters");
        }
    }

    /** Turns shaping off on every axis (resonance testing); {@link #enableShaping} restores it. */
    public void disableShaping() {
        for (AxisShaper s : shapers) {
            s.disableShaping();
        }
        updateInputShaping(RuntimeException::new);
    }

    public void enableShaping() {
        for (AxisShaper s : shapers) {
            s.enableShaping();
        }
        updateInputShaping(RuntimeException::new);
    }

    private void cmdSetInputShaper(GCodeCommand gcmd) {
        if (!gcmd.getCommandParameters().isEmpty()) {
            if (gcmd.has("SHAPER_TYPE")) {
                for (String p : TYPE_PARAMS) {
                    if (gcmd.has(p)) {
                        throw gcmd.error("SHAPER_TYPE cannot be used together with " + p);
                    }
                }
            }
            for (AxisShaper s : shapers) {
                s.update(gcmd);
            }
            updateInputShaping(gcmd::error);
        }
        for (AxisShaper s : shapers) {
            gcmd.respondInfo(s.report());
        }
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        for (AxisShaper s : shapers) {
            status.putAll(s.status());
        }
        return status;
    }
}
