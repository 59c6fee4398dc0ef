/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.outputpin.api.McuTimes;
import org.klipper4j.extras.outputpin.api.PinSetup;
import org.klipper4j.extras.outputpin.api.PinMcus;

/**
 * {@code [pwm_tool NAME]}: a PWM output (a laser, a spindle) whose SET_PIN updates
 * take effect exactly with the moves around them, with no spacing or coalescing.
 */
final class PwmTool implements StatusProvider {
    private final Printer printer;
    private final QueuedPwm mcuPin;
    private final double scale;
    private double lastValue;
    private double lastPrintTime;

    PwmTool(ConfigSection config) {
        printer = config.getPrinter();
        PinParams params = PinSetup.pins(config).lookupPin(config.get("pin"), true, false, null);
        mcuPin = new QueuedPwm(printer, PinMcus.mcuOf(printer, params), params);
        double cycleTime = config.getFloat("cycle_time", 0.100,
                Bounds.above(0.).andMax(McuTimes.MAX_NOMINAL_DURATION));
        mcuPin.setupCycleTime(cycleTime, config.getBoolean("hardware_pwm", false));
        scale = config.getFloat("scale", 1., Bounds.above(0.));
        double maxMcuDuration = config.getFloat("maximum_mcu_duration", 0.,
                Bounds.range(0.500, McuTimes.MAX_NOMINAL_DURATION));
        mcuPin.setupMaxDuration(maxMcuDuration);
        lastValue = config.getFloat("value", 0., Bounds.range(0., scale)) / scale;
        double shutdownValue = config.getFloat("shutdown_value", 0., Bounds.range(0., scale)) / scale;
        mcuPin.setupStartValue(lastValue, shutdownValue);
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_PIN", "PIN", PinObjects.instanceName(config), this::cmdSetPin,
                OutputPin.SET_PIN_HELP);
    }

    private void setPin(double printTime, double value) {
        if (value == lastValue) {
            return;
        }
        printTime = Math.max(printTime, lastPrintTime);
        mcuPin.setPwm(printTime, value);
        lastValue = value;
        lastPrintTime = printTime;
    }

    void cmdSetPin(GCodeCommand cmd) {
        double value = RequiredParam.getFloat(cmd, "VALUE", Bounds.range(0., scale)) / scale;
        Optional<Toolhead> toolhead = printer.findObject("toolhead", Toolhead.class);
        if (toolhead.isPresent()) {
            toolhead.get().registerLookaheadCallback(pt -> setPin(pt, value));
        } else {
            double now = mcuPin.getMcu().estimatedPrintTime(printer.getReactor().monotonic());
            setPin(now + McuTimes.MIN_SCHEDULE_TIME, value);
        }
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("value", lastValue);
    }
}
