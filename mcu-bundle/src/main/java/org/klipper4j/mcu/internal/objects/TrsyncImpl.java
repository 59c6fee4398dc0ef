/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.reactor.Completion;

/**
 * One MCU's trigger synchronisation object (Klipper's MCU_trsync): when it triggers, the
 * MCU stops the steppers armed on it; the host keeps it alive with timeouts while homing.
 */
final class TrsyncImpl {
    static final int REASON_ENDSTOP_HIT = 1;
    static final int REASON_HOST_REQUEST = 2;
    static final int REASON_PAST_END_TIME = 3;
    static final int REASON_COMMS_TIMEOUT = 4;

    static final String TRIGGER_FORMAT = "trsync_trigger oid=%c reason=%c";
    static final String STATE_FORMAT = "trsync_state oid=%c can_trigger=%c trigger_reason=%c clock=%u";

    private final Mcu mcu;
    private final TriggerDispatch dispatch;
    private final int oid;
    private final CommandQueue queue;
    private final List<HomingStepper> steppers = new ArrayList<>();
    private McuCommand startCmd;
    private McuCommand setTimeoutCmd;
    private McuCommand triggerCmd;
    private McuCommand stepperStopCmd;
    private McuQueryCommand queryCmd;
    private Completion<Boolean> triggerCompletion;
    private long homeEndClock = -1;
    // Timeout bookkeeping while homing (what Klipper's C trdispatch keeps per MCU).
    private long expireClock;
    private long expireTicks;
    private long minExtendTicks;
    private double lastStatusTime;

    TrsyncImpl(Mcu mcu, TriggerDispatch dispatch) {
        this.mcu = mcu;
        this.dispatch = dispatch;
        this.oid = mcu.createOid();
        this.queue = mcu.allocCommandQueue();
        mcu.registerConfigCallback(this::buildConfig);
        mcu.getPrinter().registerEventHandler(PrinterEvents.SHUTDOWN, args -> shutdown());
    }

    Mcu getMcu() {
        return mcu;
    }

    int getOid() {
        return oid;
    }

    CommandQueue getCommandQueue() {
        return queue;
    }

    void addStepper(HomingStepper stepper) {
        if (!steppers.contains(stepper)) {
            steppers.add(stepper);
        }
    }

    List<HomingStepper> getSteppers() {
        return List.copyOf(steppers);
    }

    private void buildConfig() {
        mcu.addConfigCommand(String.format("config_trsync oid=%d", oid));
        mcu.addConfigCommand(String.format(
                "trsync_start oid=%d report_clock=0 report_ticks=0 expire_reason=0", oid), false, true);
        startCmd = mcu.lookupCommand("trsync_start oid=%c report_clock=%u report_ticks=%u expire_reason=%c", queue);
        setTimeoutCmd = mcu.lookupCommand("trsync_set_timeout oid=%c clock=%u", queue);
        triggerCmd = mcu.lookupCommand(TRIGGER_FORMAT, queue);
        queryCmd = mcu.lookupQueryCommand(TRIGGER_FORMAT, STATE_FORMAT, oid, queue, false);
        stepperStopCmd = mcu.lookupCommand("stepper_stop_on_trigger oid=%c trsync_oid=%c", queue);
        mcu.registerResponse(this::handleState, "trsync_state", oid);
    }

    private void shutdown() {
        Completion<Boolean> completion = triggerCompletion;
        if (completion != null) {
            triggerCompletion = null;
            completion.complete(false);
        }
    }

    private void handleState(Map<String, Object> params) {
        boolean canTrigger = number(params, "can_trigger") != 0;
        if (!canTrigger) {
            int reason = (int) number(params, "trigger_reason");
            dispatch.onTriggered(this);
            Completion<Boolean> completion = triggerCompletion;
            if (completion != null) {
                triggerCompletion = null;
                completion.complete(reason >= REASON_COMMS_TIMEOUT);
            }
            return;
        }
        long clock = mcu.clock32ToClock64(number(params, "clock"));
        dispatch.onStatus(this, mcu.clockToPrintTime(clock));
        if (homeEndClock >= 0 && clock >= homeEndClock) {
            homeEndClock = -1;
            triggerCmd.send(oid, REASON_PAST_END_TIME);
        }
    }

    private static long number(Map<String, Object> params, String name) {
        return ((Number) params.get(name)).longValue();
    }

    /** Arms the trsync at {@code printTime}; {@code reportOffset} (0..1) staggers the MCUs' reports. */
    void start(double printTime, double reportOffset, Completion<Boolean> completion, double expireTimeout) {
        triggerCompletion = completion;
        homeEndClock = -1;
        long clock = mcu.printTimeToClock(printTime);
        expireTicks = mcu.secondsToClock(expireTimeout);
        expireClock = clock + expireTicks;
        long reportTicks = mcu.secondsToClock(expireTimeout * 0.3);
        long reportClock = clock + (long) (reportTicks * reportOffset + 0.5);
        minExtendTicks = (long) (reportTicks * 0.8 + 0.5);
        lastStatusTime = printTime;
        startCmd.sendScheduled(0, clock, oid, reportClock, reportTicks, REASON_COMMS_TIMEOUT);
        for (HomingStepper stepper : steppers) {
            stepperStopCmd.send(stepper.getOid(), oid);
        }
        setTimeoutCmd.sendScheduled(0, clock, oid, expireClock);
    }

    double getLastStatusTime() {
        return lastStatusTime;
    }

    void noteStatus(double statusTime) {
        lastStatusTime = statusTime;
    }

    /** Pushes the expiry out to {@code statusTime} plus the timeout, if that gains enough. */
    void extendExpire(double statusTime) {
        long expire = mcu.printTimeToClock(statusTime) + expireTicks;
        if (expire - expireClock >= minExtendTicks) {
            expireClock = expire;
            setTimeoutCmd.sendScheduled(0, 0, oid, expire);
        }
    }

    /** Triggers this MCU's trsync on behalf of another MCU that triggered. */
    void triggerByHost() {
        triggerCmd.send(oid, REASON_HOST_REQUEST);
    }

    void setHomeEndTime(double homeEndTime) {
        homeEndClock = mcu.printTimeToClock(homeEndTime);
    }

    /** Disarms; returns why it triggered (a REASON_ value). */
    int stop() {
        triggerCompletion = null;
        homeEndClock = -1;
        if (mcu.isFileoutput()) {
            return REASON_ENDSTOP_HIT;
        }
        Map<String, Object> params = queryCmd.send(oid, REASON_HOST_REQUEST);
        for (HomingStepper stepper : steppers) {
            stepper.noteHomingEnd();
        }
        return (int) number(params, "trigger_reason");
    }
}
