/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * Klipper's stepper_enable: each stepper's enable line turns on with its first
 * movement and off with M18/M84 (or at exit); steppers may share a line.
 */
public final class StepperEnableImpl implements StepperEnable, StatusProvider {
    static final double DISABLE_STALL_TIME = 0.100;

    /** One enable line, counted so a shared line stays on while any of its steppers is enabled. */
    static final class EnableLine {
        private final McuDigitalOut out;
        private int enableCount;
        private int users;

        EnableLine(McuDigitalOut out, int enableCount) {
            this.out = out;
            this.enableCount = enableCount;
        }

        void setEnable(double printTime) {
            if (enableCount == 0) {
                out.setDigital(printTime, true);
            }
            enableCount++;
        }

        /** The MCU is shut down: its firmware has set the pin to its default (off) by itself. */
        void forgetEnables() {
            if (out != null) {
                enableCount = 0;
            }
        }

        void setDisable(double printTime) {
            enableCount--;
            if (enableCount == 0) {
                out.setDigital(printTime, false);
            }
        }
    }

    /** A stepper's enable state; re-arms itself on the stepper's next movement after a disable. */
    static final class EnableTracking {
        private final Stepper stepper;
        private final EnableLine line;
        private final List<StateCallback> callbacks = new ArrayList<>();
        private boolean enabled;

        EnableTracking(Stepper stepper, EnableLine line) {
            this.stepper = stepper;
            this.line = line;
            line.users++;
            stepper.addActiveCallback(this::motorEnable);
        }

        void motorEnable(double printTime) {
            if (!enabled) {
                line.setEnable(printTime);
                enabled = true;
                callbacks.forEach(cb -> cb.onStateChange(printTime, true));
            }
        }

        /** After a shutdown: off without a command (none can be sent); re-armed as after M84. */
        void markDisabled() {
            line.forgetEnables();
            if (enabled) {
                enabled = false;
                stepper.addActiveCallback(this::motorEnable);
            }
        }

        void motorDisable(double printTime) {
            if (enabled) {
                line.setDisable(printTime);
                enabled = false;
                callbacks.forEach(cb -> cb.onStateChange(printTime, false));
                stepper.addActiveCallback(this::motorEnable);
            }
        }
    }

    private final Printer printer;
    private final Map<String, EnableTracking> lines = new LinkedHashMap<>();
    private final Map<String, EnableLine> sharedLines = new HashMap<>();

    public StepperEnableImpl(ConfigSection config) {
        this.printer = config.getPrinter();
        printer.registerEventHandler("gcode:request_restart", args -> motorOff());
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> onShutdown());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("M18", cmd -> motorOff(), null);
        gcode.registerCommand("M84", cmd -> motorOff(), null);
        gcode.registerCommand("SET_STEPPER_ENABLE", this::cmdSetStepperEnable,
                "Enable/disable individual stepper by name");
    }

    /** Reads {@code enable_pin} of a stepper section and tracks the stepper. */
    void registerStepper(ConfigSection config, Stepper stepper) {
        lines.put(stepper.getName(), new EnableTracking(stepper, setupLine(config.get("enable_pin", null))));
    }

    private EnableLine setupLine(String pin) {
        if (pin == null) {
            // no enable line: the stepper is always enabled
            return new EnableLine(null, 9999);
        }
        Pins pins = printer.lookupObject("pins", Pins.class);
        PinParams params = pins.lookupPin(pin, true, false, NAME);
        String key = params.chipName() + ":" + params.pin();
        EnableLine line = sharedLines.get(key);
        if (line != null) {
            return line;
        }
        PinChip chip = McuStepperImpl.mcuOf(printer, params.chipName());
        McuDigitalOut out = (McuDigitalOut) chip.setupPin("digital_out", params);
        out.setupMaxDuration(0.);
        line = new EnableLine(out, 0);
        sharedLines.put(key, line);
        return line;
    }

    @Override
    public boolean setMotorsEnable(List<String> stepperNames, boolean enable) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        // run pending enable callbacks first
        toolhead.flushStepGeneration();
        Double printTime = null;
        boolean didChange = false;
        for (String name : stepperNames) {
            EnableTracking el = lines.get(name);
            if (el.enabled == enable) {
                continue;
            }
            if (printTime == null) {
                if (!enable) {
                    // leave time after any automatic enable
                    toolhead.dwell(DISABLE_STALL_TIME);
                }
                printTime = toolhead.getLastMoveTime();
            }
            if (enable) {
                el.motorEnable(printTime);
            } else {
                el.motorDisable(printTime);
            }
            didChange = true;
        }
        if (didChange && !enable) {
            // leave time before a future automatic enable
            toolhead.dwell(DISABLE_STALL_TIME);
        }
        return didChange;
    }

    @Override
    public void motorOff() {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        setMotorsEnable(getSteppers(), false);
        toolhead.getKinematics().clearHomingState("xyz");
        printer.sendEvent("stepper_enable:motor_off");
    }

    /**
     * A shutdown stops every MCU, whose firmware drives each enable pin to its default
     * (disabled) value: the host's view follows, so the status says so and the next move
     * after a restart enables again.
     */
    private void onShutdown() {
        lines.values().forEach(EnableTracking::markDisabled);
    }

    /** Klipper's {@code stepper_enable} status: {@code steppers} maps each stepper to its enable state. */
    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> steppers = new LinkedHashMap<>();
        lines.forEach((name, tracking) -> steppers.put(name, tracking.enabled));
        return Map.of("steppers", steppers);
    }

    @Override
    public void registerStateCallback(String stepperName, StateCallback callback) {
        tracking(stepperName).callbacks.add(callback);
    }

    @Override
    public boolean hasDedicatedEnable(String stepperName) {
        EnableLine line = tracking(stepperName).line;
        return line.out != null && line.users == 1;
    }

    private EnableTracking tracking(String stepperName) {
        EnableTracking el = lines.get(stepperName);
        if (el == null) {
            throw new ConfigException("Unknown stepper '" + stepperName + "'");
        }
        return el;
    }

    @Override
    public List<String> getSteppers() {
        return new ArrayList<>(lines.keySet());
    }

    @Override
    public boolean isMotorEnabled(String stepperName) {
        EnableTracking el = lines.get(stepperName);
        if (el == null) {
            throw new ConfigException("Unknown stepper '" + stepperName + "'");
        }
        return el.enabled;
    }

    private void cmdSetStepperEnable(GCodeCommand gcmd) {
        String name = gcmd.get("STEPPER", null);
        int enable = gcmd.getInt("ENABLE", 1);
        if (name == null || !lines.containsKey(name)) {
            gcmd.respondInfo("SET_STEPPER_ENABLE: Invalid stepper \"" + name + "\"");
            return;
        }
        if (setMotorsEnable(List.of(name), enable != 0)) {
            gcmd.respondInfo(name + (enable != 0 ? " has been manually enabled" : " has been manually disabled"));
        }
    }
}
