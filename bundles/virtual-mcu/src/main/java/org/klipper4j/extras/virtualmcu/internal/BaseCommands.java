/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Arrays;
import java.util.Map;

/** identify, clocks, config/oids/finalize with the config CRC, shutdown control (basecmd.c). */
final class BaseCommands implements FirmwareModule {
    private final Firmware fw;
    private final FirmwareDictionary dict;
    private long configCrc;

    BaseCommands(Firmware fw, FirmwareDictionary dict) {
        this.fw = fw;
        this.dict = dict;
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("identify", this::identify);
        c.put("get_uptime", a -> {
            long now = fw.now();
            fw.send("uptime", now >>> 32, Firmware.clock32(now));
        });
        c.put("get_clock", a -> fw.send("clock", Firmware.clock32(fw.now())));
        c.put("get_config", a -> fw.send("config", fw.oids().isFinalized() ? 1 : 0, configCrc,
                fw.isShutdown() ? 1 : 0, fw.moveCount()));
        c.put("allocate_oids", a -> fw.oids().allocate(u8(a[0])));
        c.put("finalize_config", a -> {
            fw.oids().finalizeConfig();
            configCrc = u32(a[0]);
        });
        c.put("emergency_stop", a -> {
            throw fw.shutdown("Command request");
        });
        c.put("clear_shutdown", a -> fw.clearShutdown());
        c.put("reset", a -> fw.requestReset());
        c.put("debug_nop", a -> {
        });
        c.put("debug_ping", a -> fw.send("pong", (byte[]) a[0]));
    }

    private void identify(Object[] a) {
        byte[] data = dict.compressedView();
        long offset = u32(a[0]);
        int count = u8(a[1]);
        if (offset >= data.length) {
            count = 0;
        } else if (offset + count > data.length) {
            count = (int) (data.length - offset);
        }
        int start = (int) Math.min(offset, data.length);
        fw.send("identify_response", offset, Arrays.copyOfRange(data, start, start + count));
    }
}
