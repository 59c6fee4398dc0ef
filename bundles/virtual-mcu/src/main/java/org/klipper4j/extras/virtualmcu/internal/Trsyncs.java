/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trigger synchronisation (trsync.c): one trigger stops every registered stepper and is reported. */
final class Trsyncs implements FirmwareModule {
    /** Something to do on a trigger (stop a stepper). */
    interface Signal {
        void trigger(int reason);
    }

    final class Trsync {
        private final int oid;
        private final Scheduler.Timer reportTimer = new Scheduler.Timer(this::reportEvent);
        private final Scheduler.Timer expireTimer = new Scheduler.Timer(this::expireEvent);
        private final List<Signal> signals = new ArrayList<>();
        private long reportTicks;
        private boolean canTrigger;
        private int triggerReason;
        private int expireReason;

        Trsync(int oid) {
            this.oid = oid;
        }

        /** Triggers (once per start): runs the signals, then reports. */
        void trigger(int reason) {
            if (fire(reason)) {
                report();
            }
        }

        private boolean fire(int reason) {
            if (!canTrigger) {
                return false;
            }
            canTrigger = false;
            triggerReason = reason;
            List<Signal> toRun = new ArrayList<>(signals);
            signals.clear();
            for (Signal s : toRun) {
                s.trigger(reason);
            }
            return true;
        }

        void addSignal(Signal s) {
            if (signals.contains(s)) {
                throw fw.shutdown("Can't add signal that is already active");
            }
            signals.add(s);
        }

        private long expireEvent(long waketime) {
            trigger(expireReason);
            return Scheduler.DONE;
        }

        private long reportEvent(long waketime) {
            report();
            return waketime + reportTicks;
        }

        private void report() {
            fw.send("trsync_state", oid, canTrigger ? 1 : 0, triggerReason, Firmware.clock32(fw.now()));
        }

        void clear() {
            fw.removeTimer(reportTimer);
            fw.removeTimer(expireTimer);
            signals.clear();
            canTrigger = false;
            triggerReason = 0;
            expireReason = 0;
        }
    }

    private final Firmware fw;

    Trsyncs(Firmware fw) {
        this.fw = fw;
    }

    Trsync lookup(int oid) {
        return fw.oids().lookup(oid, Trsync.class);
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_trsync", a -> fw.oids().assign(u8(a[0]), new Trsync(u8(a[0]))));
        c.put("trsync_start", a -> {
            Trsync ts = lookup(u8(a[0]));
            ts.clear();
            ts.canTrigger = true;
            ts.reportTicks = u32(a[2]);
            if (ts.reportTicks != 0) {
                fw.addTimer(ts.reportTimer, fw.expand(u32(a[1])));
            }
            ts.expireReason = u8(a[3]);
        });
        c.put("trsync_set_timeout", a -> {
            Trsync ts = lookup(u8(a[0]));
            if (ts.canTrigger) {
                fw.removeTimer(ts.expireTimer);
                fw.addTimer(ts.expireTimer, fw.expand(u32(a[1])));
            }
        });
        c.put("trsync_trigger", a -> {
            // the host asks for it: one report, with clock 0, whether or not this triggered
            Trsync ts = lookup(u8(a[0]));
            ts.fire(u8(a[1]));
            fw.removeTimer(ts.reportTimer);
            fw.removeTimer(ts.expireTimer);
            fw.send("trsync_state", ts.oid, 0, ts.triggerReason, 0L);
        });
    }

    @Override
    public void onShutdown() {
        for (OidTable.Entry<Trsync> e : fw.oids().all(Trsync.class)) {
            e.object().clear();
        }
    }
}
