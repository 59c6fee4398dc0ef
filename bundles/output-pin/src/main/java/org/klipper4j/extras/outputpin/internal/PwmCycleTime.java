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
 * {@code [pwm_cycle_time NAME]}: a software PWM pin whose SET_PIN also takes
 * CYCLE_TIME. Updates go out directly at the toolhead's print time, kept
 * {@link McuTimes#MIN_SCHEDULE_TIME} apart (no coalescing, as in Klipper).
 */
final class PwmCycleTime implements StatusProvider {
    private final Printer printer;
    private final double scale;
    private final double defaultCycleTime;
    private final CyclePwm mcuPin;
    private double lastValue;
    private double lastCycleTime;
    private double lastPrintTime;

    PwmCycleTime(ConfigSection config) {
        printer = config.getPrinter();
        scale = config.getFloat("scale", 1., Bounds.above(0.));
        lastValue = config.getFloat("value", 0., Bounds.range(0., scale)) / scale;
        double shutdownValue = config.getFloat("shutdown_value", 0., Bounds.range(0., scale)) / scale;
        PinParams params = PinSetup.pins(config).lookupPin(config.get("pin"), true, false, null);
        double cycleTime = config.getFloat("cycle_time", 0.100,
                Bounds.above(0.).andMax(McuTimes.MAX_NOMINAL_DURATION));
        mcuPin = new CyclePwm(printer, PinMcus.mcuOf(printer, params), params, cycleTime, lastValue, shutdownValue);
        lastCycleTime = defaultCycleTime = cycleTime;
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_PIN", "PIN", PinObjects.instanceName(config), this::cmdSetPin,
                OutputPin.SET_PIN_HELP);
    }

    private void setPin(double printTime, double value, double cycleTime) {
        if (value == lastValue && cycleTime == lastCycleTime) {
            return;
        }
        printTime = Math.max(printTime, lastPrintTime + McuTimes.MIN_SCHEDULE_TIME);
        mcuPin.setPwmCycle(printTime, value, cycleTime);
        lastValue = value;
        lastCycleTime = cycleTime;
        lastPrintTime = printTime;
    }

    void cmdSetPin(GCodeCommand cmd) {
        double value = RequiredParam.getFloat(cmd, "VALUE", Bounds.range(0., scale)) / scale;
        double cycleTime = cmd.getFloat("CYCLE_TIME", defaultCycleTime,
                Bounds.above(0.).andMax(McuTimes.MAX_NOMINAL_DURATION));
        Optional<Toolhead> toolhead = printer.findObject("toolhead", Toolhead.class);
        if (toolhead.isPresent()) {
            toolhead.get().registerLookaheadCallback(pt -> setPin(pt, value, cycleTime));
        } else {
            double now = mcuPin.getMcu().estimatedPrintTime(printer.getReactor().monotonic());
            setPin(now + McuTimes.MIN_SCHEDULE_TIME, value, cycleTime);
        }
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("value", lastValue);
    }
}
