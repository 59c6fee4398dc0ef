/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.PinParams;

/**
 * A PWM output (Klipper's MCU_pwm): hardware PWM through {@code config_pwm_out}, or
 * software PWM as a digital output with a cycle time, values as on-ticks per cycle.
 */
public final class McuPwmImpl implements McuPwm {
    /** How far ahead of the current print time the first update is scheduled. */
    private static final double START_DELAY = 0.200;

    private final Mcu mcu;
    private final String pin;
    private final boolean invert;
    private boolean hardwarePwm;
    private double cycleTime = 0.100;
    private double maxDuration = 2.0;
    private double startValue;
    private double shutdownValue;
    private int oid = -1;
    private long lastClock;
    // the last value sent (after inversion), as Klipper keeps it for cycle alignment
    private double lastValue;
    private double pwmMax;
    private McuCommand setCmd;

    public McuPwmImpl(Mcu mcu, PinParams params) {
        this.mcu = mcu;
        this.pin = params.pin();
        this.invert = params.invert();
        this.startValue = invert ? 1.0 : 0.0;
        this.shutdownValue = startValue;
        mcu.registerConfigCallback(this::buildConfig);
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    /** The object id, or -1 before the config is built. */
    public int getOid() {
        return oid;
    }

    @Override
    public void setupMaxDuration(double maxDuration) {
        this.maxDuration = maxDuration;
    }

    @Override
    public void setupCycleTime(double cycleTime, boolean hardwarePwm) {
        this.cycleTime = cycleTime;
        this.hardwarePwm = hardwarePwm;
    }

    @Override
    public void setupStartValue(double startValue, double shutdownValue) {
        if (invert) {
            startValue = 1.0 - startValue;
            shutdownValue = 1.0 - shutdownValue;
        }
        this.startValue = clamp01(startValue);
        this.shutdownValue = clamp01(shutdownValue);
    }

    private static double clamp01(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    private void buildConfig() {
        if (maxDuration != 0 && startValue != shutdownValue) {
            throw new ConfigException("Pin with max duration must have start value equal to shutdown value");
        }
        var queue = mcu.allocCommandQueue();
        double now = mcu.getPrinter().getReactor().monotonic();
        lastClock = mcu.printTimeToClock(mcu.estimatedPrintTime(now) + START_DELAY);
        lastValue = startValue;
        long cycleTicks = mcu.secondsToClock(cycleTime);
        long maxDurationTicks = mcu.secondsToClock(maxDuration);
        if (maxDurationTicks > McuLimits.MAX_SCHEDULE_TICKS) {
            throw new ConfigException("PWM pin max duration too large");
        }
        if (hardwarePwm) {
            pwmMax = mcu.getConstantFloat("PWM_MAX");
            oid = mcu.createOid();
            // Python's %d truncates the float products here; the queued value rounds.
            mcu.addConfigCommand(String.format(
                    "config_pwm_out oid=%d pin=%s cycle_ticks=%d value=%d default_value=%d max_duration=%d",
                    oid, pin, cycleTicks, (long) (startValue * pwmMax), (long) (shutdownValue * pwmMax),
                    maxDurationTicks));
            long start = (long) (startValue * pwmMax + 0.5);
            mcu.addConfigCommand(String.format("queue_pwm_out oid=%d clock=%d value=%d", oid, lastClock, start),
                    false, true);
            setCmd = mcu.lookupCommand("queue_pwm_out oid=%c clock=%u value=%hu", queue);
            return;
        }
        if (shutdownValue != 0.0 && shutdownValue != 1.0) {
            throw new ConfigException("shutdown value must be 0.0 or 1.0 on soft pwm");
        }
        if (cycleTicks > McuLimits.MAX_SCHEDULE_TICKS) {
            throw new ConfigException("PWM pin cycle time too large");
        }
        oid = mcu.createOid();
        mcu.addConfigCommand(String.format(
                "config_digital_out oid=%d pin=%s value=%d default_value=%d max_duration=%d",
                oid, pin, McuLimits.bit(startValue >= 1.0), McuLimits.bit(shutdownValue >= 0.5), maxDurationTicks));
        mcu.addConfigCommand(String.format("set_digital_out_pwm_cycle oid=%d cycle_ticks=%d", oid, cycleTicks));
        pwmMax = cycleTicks;
        long start = (long) (startValue * cycleTicks + 0.5);
        mcu.addConfigCommand(String.format("queue_digital_out oid=%d clock=%d on_ticks=%d", oid, lastClock, start),
                true, false);
        setCmd = mcu.lookupCommand("queue_digital_out oid=%c clock=%u on_ticks=%u", queue);
    }

    @Override
    public void setPwm(double printTime, double value) {
        if (invert) {
            value = 1.0 - value;
        }
        long scaled = (long) (clamp01(value) * pwmMax + 0.5);
        long clock = mcu.printTimeToClock(printTime);
        setCmd.sendScheduled(lastClock, clock, oid, clock, scaled);
        lastClock = clock;
        lastValue = value;
    }

    @Override
    public double nextAlignedPrintTime(double printTime, double allowEarly) {
        if (hardwarePwm || lastValue == 1. || lastValue == 0.) {
            return printTime;
        }
        double requested = printTime - Math.min(allowEarly, 0.5 * cycleTime);
        long cycleTicks = mcu.secondsToClock(cycleTime);
        long requestedClock = mcu.printTimeToClock(requested);
        long pulses = Math.floorDiv(requestedClock - lastClock + cycleTicks - 1, cycleTicks);
        return mcu.clockToPrintTime(lastClock + pulses * cycleTicks);
    }
}
