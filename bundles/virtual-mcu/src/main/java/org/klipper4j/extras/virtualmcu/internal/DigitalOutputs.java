/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Map;

/** Digital outputs with scheduled updates and soft PWM (gpiocmds.c); the plant sees the duty. */
final class DigitalOutputs implements FirmwareModule {
    private static final ScheduledOutput.Kind KIND = new ScheduledOutput.Kind(
            "Scheduled digital out event will exceed max_duration",
            "Missed scheduling of next digital out event", false);
    /** A level of 1 is "on for the whole cycle", whatever the cycle. */
    private static final long ALWAYS_ON = Long.MAX_VALUE;

    private final Firmware fw;

    DigitalOutputs(Firmware fw) {
        this.fw = fw;
    }

    private static long level(Object v) {
        return u8(v) != 0 ? ALWAYS_ON : 0;
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_digital_out", a -> fw.oids().assign(u8(a[0]), new ScheduledOutput(fw, KIND,
                Pins.pin(fw, a[1]), level(a[2]), level(a[3]), u32(a[4]), 0)));
        c.put("set_digital_out_pwm_cycle", a -> {
            ScheduledOutput d = fw.oids().lookup(u8(a[0]), ScheduledOutput.class);
            if (d.hasPendingUpdates()) {
                throw fw.shutdown("Can not set soft pwm cycle ticks while updates pending");
            }
            d.setFullScale(u32(a[1]));
        });
        c.put("queue_digital_out", a -> fw.oids().lookup(u8(a[0]), ScheduledOutput.class)
                .queue(fw.expand(u32(a[1])), u32(a[2])));
        c.put("update_digital_out", a -> fw.oids().lookup(u8(a[0]), ScheduledOutput.class)
                .updateNow(level(a[1]), "update_digital_out not valid with active queue"));
        c.put("set_digital_out", a -> fw.plant().setOutput(Pins.pin(fw, a[0]), u8(a[1]) != 0 ? 1 : 0,
                fw.seconds(fw.now())));
    }

    @Override
    public void onShutdown() {
        for (OidTable.Entry<ScheduledOutput> e : fw.oids().all(ScheduledOutput.class)) {
            e.object().shutdownToDefault();
        }
    }
}
