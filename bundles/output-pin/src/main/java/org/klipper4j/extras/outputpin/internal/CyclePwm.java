/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.PinParams;

/**
 * A software PWM pin whose cycle time can change at run time (Klipper's
 * MCU_pwm_cycle): sends {@code set_digital_out_pwm_cycle} before an update when
 * the cycle changes, then {@code queue_digital_out}.
 */
final class CyclePwm {
    private static final long MAX_TICKS = 1L << 31;

    private final Printer printer;
    private final Mcu mcu;
    private final String pin;
    private final boolean invert;
    private final double cycleTime;
    private final double startValue;
    private final double shutdownValue;
    private int oid;
    private long lastClock;
    private long cycleTicks;
    private McuCommand setCmd;
    private McuCommand setCycleCmd;

    CyclePwm(Printer printer, Mcu mcu, PinParams params, double cycleTime, double startValue,
            double shutdownValue) {
        this.printer = printer;
        this.mcu = mcu;
        this.pin = params.pin();
        this.invert = params.invert();
        this.cycleTime = cycleTime;
        this.startValue = clamp(invert ? 1. - startValue : startValue);
        this.shutdownValue = clamp(invert ? 1. - shutdownValue : shutdownValue);
        mcu.registerConfigCallback(this::buildConfig);
    }

    Mcu getMcu() {
        return mcu;
    }

    private void buildConfig() {
        CommandQueue queue = mcu.allocCommandQueue();
        double printTime = mcu.estimatedPrintTime(printer.getReactor().monotonic());
        lastClock = mcu.printTimeToClock(printTime + 0.200);
        long ticks = mcu.secondsToClock(cycleTime);
        if (shutdownValue != 0. && shutdownValue != 1.) {
            throw new ConfigException("shutdown value must be 0.0 or 1.0 on soft pwm");
        }
        if (ticks >= MAX_TICKS) {
            throw new ConfigException("PWM pin cycle time too large");
        }
        oid = mcu.createOid();
        mcu.addConfigCommand(String.format("config_digital_out oid=%d pin=%s value=%d default_value=%d max_duration=%d",
                oid, pin, startValue >= 1. ? 1 : 0, shutdownValue >= 0.5 ? 1 : 0, 0));
        mcu.addConfigCommand(String.format("set_digital_out_pwm_cycle oid=%d cycle_ticks=%d", oid, ticks));
        cycleTicks = ticks;
        long onTicks = (long) (startValue * ticks + 0.5);
        mcu.addConfigCommand(String.format("queue_digital_out oid=%d clock=%d on_ticks=%d", oid, lastClock, onTicks),
                true, false);
        setCmd = mcu.lookupCommand("queue_digital_out oid=%c clock=%u on_ticks=%u", queue);
        setCycleCmd = mcu.lookupCommand("set_digital_out_pwm_cycle oid=%c cycle_ticks=%u", queue);
    }

    void setPwmCycle(double printTime, double value, double newCycleTime) {
        long clock = mcu.printTimeToClock(printTime);
        long ticks = mcu.secondsToClock(newCycleTime);
        if (ticks != cycleTicks) {
            if (ticks >= MAX_TICKS) {
                throw new CommandError("PWM cycle time too large");
            }
            setCycleCmd.sendScheduled(lastClock, clock, oid, ticks);
            cycleTicks = ticks;
        }
        double level = clamp(invert ? 1. - value : value);
        long onTicks = (long) (level * cycleTicks + 0.5);
        setCmd.sendScheduled(lastClock, clock, oid, clock & 0xffffffffL, onTicks);
        lastClock = clock;
    }

    private static double clamp(double v) {
        return Math.max(0., Math.min(1., v));
    }
}
