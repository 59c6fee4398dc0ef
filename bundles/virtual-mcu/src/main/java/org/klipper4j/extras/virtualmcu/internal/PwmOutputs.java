/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u16;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Map;

/** Hardware PWM outputs (pwmcmds.c): values 0..PWM_MAX, scheduled, with max_duration. */
final class PwmOutputs implements FirmwareModule {
    private static final ScheduledOutput.Kind KIND = new ScheduledOutput.Kind(
            "Scheduled pwm event will exceed max_duration", "Missed scheduling of next hard pwm event", true);

    private final Firmware fw;

    PwmOutputs(Firmware fw) {
        this.fw = fw;
    }

    /** A hardware PWM output is its own oid type, distinct from digital outputs. */
    static final class Pwm {
        final ScheduledOutput out;

        Pwm(ScheduledOutput out) {
            this.out = out;
        }
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_pwm_out", a -> fw.oids().assign(u8(a[0]), new Pwm(new ScheduledOutput(fw, KIND,
                Pins.pin(fw, a[1]), u16(a[3]), u16(a[4]), u32(a[5]), FirmwareDictionary.PWM_MAX))));
        c.put("queue_pwm_out", a -> fw.oids().lookup(u8(a[0]), Pwm.class).out
                .queue(fw.expand(u32(a[1])), u16(a[2])));
        c.put("set_pwm_out", a -> fw.plant().setOutput(Pins.pin(fw, a[0]),
                Math.min(1.0, u16(a[2]) / (double) FirmwareDictionary.PWM_MAX), fw.seconds(fw.now())));
    }

    @Override
    public void onShutdown() {
        for (OidTable.Entry<Pwm> e : fw.oids().all(Pwm.class)) {
            e.object().out.shutdownToDefault();
        }
    }
}
