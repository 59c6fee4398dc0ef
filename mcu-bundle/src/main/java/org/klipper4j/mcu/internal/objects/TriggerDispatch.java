/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.reactor.Completion;

/**
 * Homing across MCUs (Klipper's TriggerDispatch and its C trdispatch): one trsync per MCU
 * that has a stepper to stop. When one MCU triggers, the others are triggered too; while
 * all report in, each one's timeout is extended from the slowest of the others.
 */
final class TriggerDispatch {
    static final double TRSYNC_TIMEOUT = 0.025;
    static final double TRSYNC_SINGLE_MCU_TIMEOUT = 0.250;

    private final Mcu mcu;
    private final List<TrsyncImpl> trsyncs = new ArrayList<>();
    private Completion<Boolean> triggerCompletion;
    private boolean canTrigger;

    TriggerDispatch(Mcu mcu) {
        this.mcu = mcu;
        trsyncs.add(new TrsyncImpl(mcu, this));
    }

    int getOid() {
        return trsyncs.get(0).getOid();
    }

    CommandQueue getCommandQueue() {
        return trsyncs.get(0).getCommandQueue();
    }

    void addStepper(HomingStepper stepper) {
        TrsyncImpl target = null;
        for (TrsyncImpl trsync : trsyncs) {
            if (trsync.getMcu() == stepper.getMcu()) {
                target = trsync;
            }
        }
        if (target == null) {
            target = new TrsyncImpl(stepper.getMcu(), this);
            trsyncs.add(target);
        }
        target.addStepper(stepper);
        // Steppers of one rail (stepper_z, stepper_z1, ...) must stop together: one MCU only.
        String name = stepper.getName();
        if (name.startsWith("stepper_")) {
            String rail = name.substring(0, Math.min(9, name.length()));
            for (TrsyncImpl other : trsyncs) {
                if (other == target) {
                    continue;
                }
                for (HomingStepper s : other.getSteppers()) {
                    if (s.getName().startsWith(rail)) {
                        throw new ConfigException("Multi-mcu homing not supported on multi-mcu shared axis");
                    }
                }
            }
        }
    }

    List<Object> getSteppers() {
        List<Object> all = new ArrayList<>();
        for (TrsyncImpl trsync : trsyncs) {
            all.addAll(trsync.getSteppers());
        }
        return all;
    }

    Completion<Boolean> start(double printTime) {
        triggerCompletion = mcu.getPrinter().getReactor().completion();
        double expireTimeout = trsyncs.size() == 1 ? TRSYNC_SINGLE_MCU_TIMEOUT : TRSYNC_TIMEOUT;
        for (int i = 0; i < trsyncs.size(); i++) {
            trsyncs.get(i).start(printTime, (double) i / trsyncs.size(), triggerCompletion, expireTimeout);
        }
        canTrigger = true;
        return triggerCompletion;
    }

    /** Waits for the trigger; past {@code endTime} the first MCU stops the homing itself. */
    void waitEnd(double endTime) {
        trsyncs.get(0).setHomeEndTime(endTime);
        if (mcu.isFileoutput()) {
            triggerCompletion.complete(true);
        }
        triggerCompletion.await();
    }

    /** Disarms every trsync; returns the first failure reason, else the first MCU's reason. */
    int stop() {
        canTrigger = false;
        List<Integer> reasons = new ArrayList<>();
        for (TrsyncImpl trsync : trsyncs) {
            reasons.add(trsync.stop());
        }
        for (int reason : reasons) {
            if (reason >= TrsyncImpl.REASON_COMMS_TIMEOUT) {
                return reason;
            }
        }
        return reasons.get(0);
    }

    void onTriggered(TrsyncImpl source) {
        if (!canTrigger) {
            return;
        }
        canTrigger = false;
        for (TrsyncImpl trsync : trsyncs) {
            if (trsync != source) {
                trsync.triggerByHost();
            }
        }
    }

    void onStatus(TrsyncImpl source, double statusTime) {
        if (!canTrigger) {
            return;
        }
        source.noteStatus(statusTime);
        for (TrsyncImpl trsync : trsyncs) {
            trsync.extendExpire(slowestOtherStatus(trsync));
        }
    }

    /** The earliest status time of the other MCUs (its own when it is alone). */
    private double slowestOtherStatus(TrsyncImpl trsync) {
        double slowest = Double.POSITIVE_INFINITY;
        for (TrsyncImpl other : trsyncs) {
            if (other != trsync || trsyncs.size() == 1) {
                slowest = Math.min(slowest, other.getLastStatusTime());
            }
        }
        return slowest;
    }
}
