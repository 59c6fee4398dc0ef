/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.reactor.Completion;

/** An endstop pin (Klipper's MCU_endstop): polled by the MCU while homing, it fires the trsyncs. */
public final class McuEndstopImpl implements McuEndstop {
    private final Mcu mcu;
    private final String pin;
    private final int pullup;
    private final boolean invert;
    private final int oid;
    private final TriggerDispatch dispatch;
    private McuCommand homeCmd;
    private McuQueryCommand queryCmd;
    private long restTicks;

    public McuEndstopImpl(Mcu mcu, PinParams params) {
        this.mcu = mcu;
        this.pin = params.pin();
        this.pullup = params.pullup();
        this.invert = params.invert();
        this.oid = mcu.createOid();
        mcu.registerConfigCallback(this::buildConfig);
        this.dispatch = new TriggerDispatch(mcu);
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    public int getOid() {
        return oid;
    }

    @Override
    public void addStepper(Object stepper) {
        if (!(stepper instanceof HomingStepper homingStepper)) {
            throw new ConfigException("Endstop on mcu '" + mcu.getName() + "' can not stop " + stepper);
        }
        dispatch.addStepper(homingStepper);
    }

    @Override
    public List<Object> getSteppers() {
        return dispatch.getSteppers();
    }

    private void buildConfig() {
        mcu.addConfigCommand(String.format("config_endstop oid=%d pin=%s pull_up=%d", oid, pin, pullup));
        mcu.addConfigCommand(String.format("endstop_home oid=%d clock=0 sample_ticks=0 sample_count=0"
                + " rest_ticks=0 pin_value=0 trsync_oid=0 trigger_reason=0", oid), false, true);
        var queue = dispatch.getCommandQueue();
        homeCmd = mcu.lookupCommand("endstop_home oid=%c clock=%u sample_ticks=%u sample_count=%c"
                + " rest_ticks=%u pin_value=%c trsync_oid=%c trigger_reason=%c", queue);
        queryCmd = mcu.lookupQueryCommand("endstop_query_state oid=%c",
                "endstop_state oid=%c homing=%c next_clock=%u pin_value=%c", oid, queue, false);
    }

    @Override
    public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
            boolean triggered) {
        long clock = mcu.printTimeToClock(printTime);
        restTicks = mcu.printTimeToClock(printTime + restTime) - clock;
        Completion<Boolean> completion = dispatch.start(printTime);
        homeCmd.sendScheduled(0, clock, oid, clock, mcu.secondsToClock(sampleTime), sampleCount, restTicks,
                McuLimits.bit(triggered ^ invert), dispatch.getOid(), TrsyncImpl.REASON_ENDSTOP_HIT);
        return completion;
    }

    @Override
    public double homeWait(double homeEndTime) {
        dispatch.waitEnd(homeEndTime);
        homeCmd.send(oid, 0, 0, 0, 0, 0, 0, 0);
        int reason = dispatch.stop();
        if (reason >= TrsyncImpl.REASON_COMMS_TIMEOUT) {
            throw new CommandError("Communication timeout during homing");
        }
        if (reason != TrsyncImpl.REASON_ENDSTOP_HIT) {
            return -1.0;
        }
        if (mcu.isFileoutput()) {
            return homeEndTime;
        }
        Map<String, Object> params = queryCmd.send(oid);
        long nextClock = mcu.clock32ToClock64(((Number) params.get("next_clock")).longValue());
        return mcu.clockToPrintTime(nextClock - restTicks);
    }

    @Override
    public boolean queryEndstop(double printTime) {
        long clock = mcu.printTimeToClock(printTime);
        if (mcu.isFileoutput()) {
            return false;
        }
        Map<String, Object> params = queryCmd.sendScheduled(clock, clock, oid);
        return (((Number) params.get("pin_value")).intValue() != 0) ^ invert;
    }
}
