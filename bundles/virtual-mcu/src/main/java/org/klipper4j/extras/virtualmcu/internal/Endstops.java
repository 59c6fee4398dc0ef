/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Map;

/**
 * Endstops (endstop.c): while homing, the pin is polled every rest_ticks; when it reads
 * pin_value, that and the next sample_count - 1 samples, sample_ticks apart, must all
 * agree to trigger the trsync. The homing flag stays set until homing is turned off
 * (endstop_home with sample_count=0).
 */
final class Endstops implements FirmwareModule {
    final class Endstop {
        private final String pin;
        private final boolean pullUp;
        private final Scheduler.Timer timer = new Scheduler.Timer(this::event);
        private long sampleTicks;
        private long restTicks;
        private long nextWake;
        private int sampleCount;
        private int samplesLeft;
        private boolean oversampling;
        private boolean wantHigh;
        private boolean homing;
        private Trsyncs.Trsync trsync;
        private int reason;

        Endstop(String pin, boolean pullUp) {
            this.pin = pin;
            this.pullUp = pullUp;
        }

        int read() {
            return fw.plant().readDigital(pin, pullUp);
        }

        /** Polls every rest_ticks; a match is the first of sample_count agreeing samples. */
        private long event(long waketime) {
            boolean matches = (read() != 0) == wantHigh;
            if (!oversampling) {
                if (!matches) {
                    return waketime + restTicks;
                }
                nextWake = waketime + restTicks;
                oversampling = true;
            } else if (!matches) {
                oversampling = false;
                samplesLeft = sampleCount;
                return nextWake;
            }
            if (--samplesLeft > 0) {
                return waketime + sampleTicks;
            }
            trsync.trigger(reason);
            return Scheduler.DONE;
        }
    }

    private final Firmware fw;
    private final Trsyncs trsyncs;

    Endstops(Firmware fw, Trsyncs trsyncs) {
        this.fw = fw;
        this.trsyncs = trsyncs;
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_endstop", a -> fw.oids().assign(u8(a[0]), new Endstop(Pins.pin(fw, a[1]), u8(a[2]) != 0)));
        c.put("endstop_home", a -> {
            Endstop e = fw.oids().lookup(u8(a[0]), Endstop.class);
            fw.removeTimer(e.timer);
            long start = fw.expand(u32(a[1]));
            e.sampleTicks = u32(a[2]);
            e.sampleCount = u8(a[3]);
            if (e.sampleCount == 0) {
                e.homing = false;
                return;
            }
            e.restTicks = u32(a[4]);
            e.wantHigh = u8(a[5]) != 0;
            e.trsync = trsyncs.lookup(u8(a[6]));
            e.reason = u8(a[7]);
            e.oversampling = false;
            e.samplesLeft = e.sampleCount;
            e.homing = true;
            e.nextWake = start;
            fw.addTimer(e.timer, start);
        });
        c.put("endstop_query_state", a -> {
            int oid = u8(a[0]);
            Endstop e = fw.oids().lookup(oid, Endstop.class);
            fw.send("endstop_state", oid, e.homing ? 1 : 0, Firmware.clock32(e.nextWake), e.read());
        });
    }
}
