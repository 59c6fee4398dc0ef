/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * A PWM pin whose updates ride with the motion queue (Klipper's MCU_queued_pwm for
 * pwm_tool): each update is sent for its exact clock with no minimum spacing, and
 * with a max duration the current value is re-sent before the MCU's watchdog expires.
 */
final class QueuedPwm {
    private static final long MAX_TICKS = 1L << 31;

    private final Printer printer;
    private final Mcu mcu;
    private final String pin;
    private final boolean invert;
    private final int oid;
    private boolean hardwarePwm;
    private double cycleTime = 0.100;
    private double maxDuration = 2.;
    private double startValue;
    private double shutdownValue;
    private long lastClock;
    private long lastValue;
    private double defaultValue;
    private long durationTicks;
    private double pwmMax;
    private McuCommand setCmd;
    private Toolhead toolhead;

    QueuedPwm(Printer printer, Mcu mcu, PinParams params) {
        this.printer = printer;
        this.mcu = mcu;
        this.pin = params.pin();
        this.invert = params.invert();
        this.startValue = this.shutdownValue = invert ? 1. : 0.;
        // as Klipper: the oid is taken when the object is made, not in the config callback
        this.oid = mcu.createOid();
        mcu.registerConfigCallback(this::buildConfig);
        printer.registerEventHandler(PrinterEvents.CONNECT,
                args -> toolhead = printer.findObject("toolhead", Toolhead.class).orElse(null));
    }

    Mcu getMcu() {
        return mcu;
    }

    void setupMaxDuration(double seconds) {
        maxDuration = seconds;
    }

    void setupCycleTime(double seconds, boolean hardware) {
        cycleTime = seconds;
        hardwarePwm = hardware;
    }

    void setupStartValue(double start, double shutdown) {
        startValue = clamp(invert ? 1. - start : start);
        shutdownValue = clamp(invert ? 1. - shutdown : shutdown);
    }

    private void buildConfig() {
        if (maxDuration != 0. && startValue != shutdownValue) {
            throw new ConfigException("Pin with max duration must have start value equal to shutdown value");
        }
        CommandQueue queue = mcu.allocCommandQueue();
        double printTime = mcu.estimatedPrintTime(printer.getReactor().monotonic());
        lastClock = mcu.printTimeToClock(printTime + 0.200);
        long cycleTicks = mcu.secondsToClock(cycleTime);
        if (cycleTicks >= MAX_TICKS) {
            throw new ConfigException("PWM pin cycle time too large");
        }
        durationTicks = mcu.secondsToClock(maxDuration);
        if (durationTicks >= MAX_TICKS) {
            throw new ConfigException("PWM pin max duration too large");
        }
        if (durationTicks != 0) {
            mcu.registerFlushCallback(this::resendBefore);
        }
        if (hardwarePwm) {
            pwmMax = mcu.getConstantFloat("PWM_MAX");
            defaultValue = shutdownValue * pwmMax;
            mcu.addConfigCommand(String.format(
                    "config_pwm_out oid=%d pin=%s cycle_ticks=%d value=%d default_value=%d max_duration=%d",
                    oid, pin, cycleTicks, (long) (startValue * pwmMax), (long) defaultValue, durationTicks));
            lastValue = (long) (startValue * pwmMax + 0.5);
            mcu.addConfigCommand(String.format("queue_pwm_out oid=%d clock=%d value=%d", oid, lastClock, lastValue),
                    false, true);
            setCmd = mcu.lookupCommand("queue_pwm_out oid=%c clock=%u value=%hu", queue);
            return;
        }
        if (shutdownValue != 0. && shutdownValue != 1.) {
            throw new ConfigException("shutdown value must be 0.0 or 1.0 on soft pwm");
        }
        mcu.addConfigCommand(String.format(
                "config_digital_out oid=%d pin=%s value=%d default_value=%d max_duration=%d",
                oid, pin, startValue >= 1. ? 1 : 0, shutdownValue >= 0.5 ? 1 : 0, durationTicks));
        defaultValue = shutdownValue >= 0.5 ? cycleTicks : 0;
        mcu.addConfigCommand(String.format("set_digital_out_pwm_cycle oid=%d cycle_ticks=%d", oid, cycleTicks));
        pwmMax = cycleTicks;
        lastValue = (long) (startValue * pwmMax + 0.5);
        mcu.addConfigCommand(String.format("queue_digital_out oid=%d clock=%d on_ticks=%d", oid, lastClock, lastValue),
                true, false);
        setCmd = mcu.lookupCommand("queue_digital_out oid=%c clock=%u on_ticks=%u", queue);
    }

    private void sendUpdate(long clock, long value) {
        clock = Math.max(lastClock, clock);
        lastClock = clock;
        lastValue = value;
        setCmd.sendScheduled(0, clock, oid, clock & 0xffffffffL, value);
        // keep the toolhead flushing until the update (and its resend, if any) is out
        long wakeClock = clock;
        if (lastValue != defaultValue) {
            wakeClock += durationTicks;
        }
        if (toolhead != null) {
            toolhead.noteMcuMovequeueActivity(mcu.clockToPrintTime(wakeClock));
        }
    }

    void setPwm(double printTime, double value) {
        long clock = mcu.printTimeToClock(printTime);
        double level = clamp(invert ? 1. - value : value);
        sendUpdate(clock, (long) (level * pwmMax + 0.5));
    }

    /** On each flush: re-sends a non-default value so the MCU's max duration never runs out. */
    private void resendBefore(double flushPrintTime) {
        long clock = mcu.printTimeToClock(flushPrintTime);
        if (lastValue != defaultValue) {
            while (clock >= lastClock + durationTicks) {
                sendUpdate(lastClock + durationTicks, lastValue);
            }
        }
    }

    private static double clamp(double v) {
        return Math.max(0., Math.min(1., v));
    }
}
