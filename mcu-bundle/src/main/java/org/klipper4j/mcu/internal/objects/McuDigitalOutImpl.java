/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.PinParams;

/** A digital output scheduled by print time (Klipper's MCU_digital_out). */
public final class McuDigitalOutImpl implements McuDigitalOut {
    private final Mcu mcu;
    private final String pin;
    private final boolean invert;
    private boolean startValue;
    private boolean shutdownValue;
    private double maxDuration = 2.0;
    private int oid = -1;
    private long lastClock;
    private McuCommand setCmd;

    public McuDigitalOutImpl(Mcu mcu, PinParams params) {
        this.mcu = mcu;
        this.pin = params.pin();
        this.invert = params.invert();
        this.startValue = invert;
        this.shutdownValue = invert;
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
    public void setupStartValue(boolean startValue, boolean shutdownValue) {
        this.startValue = startValue ^ invert;
        this.shutdownValue = shutdownValue ^ invert;
    }

    private void buildConfig() {
        if (maxDuration != 0 && startValue != shutdownValue) {
            throw new ConfigException("Pin with max duration must have start value equal to shutdown value");
        }
        long maxDurationTicks = mcu.secondsToClock(maxDuration);
        if (maxDurationTicks > McuLimits.MAX_SCHEDULE_TICKS) {
            throw new ConfigException("Digital pin max duration too large");
        }
        oid = mcu.createOid();
        mcu.addConfigCommand(String.format("config_digital_out oid=%d pin=%s value=%d default_value=%d max_duration=%d",
                oid, pin, McuLimits.bit(startValue), McuLimits.bit(shutdownValue), maxDurationTicks));
        mcu.addConfigCommand(String.format("update_digital_out oid=%d value=%d", oid, McuLimits.bit(startValue)),
                false, true);
        setCmd = mcu.lookupCommand("queue_digital_out oid=%c clock=%u on_ticks=%u", mcu.allocCommandQueue());
    }

    @Override
    public void setDigital(double printTime, boolean value) {
        long clock = mcu.printTimeToClock(printTime);
        setCmd.sendScheduled(lastClock, clock, oid, clock, McuLimits.bit(value ^ invert));
        lastClock = clock;
    }
}
