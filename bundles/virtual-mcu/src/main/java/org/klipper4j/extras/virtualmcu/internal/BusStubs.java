/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Map;

/**
 * SPI and I2C devices with nothing attached (spicmds.c, i2ccmds.c): transfers are accepted
 * and answered with zero bytes of the length asked for, so host modules can configure and poll.
 */
final class BusStubs implements FirmwareModule {
    static final class Spi {
    }

    static final class I2c {
    }

    private final Firmware fw;

    BusStubs(Firmware fw) {
        this.fw = fw;
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_spi", a -> {
            Pins.pin(fw, a[1]);
            fw.oids().assign(u8(a[0]), new Spi());
        });
        c.put("config_spi_without_cs", a -> fw.oids().assign(u8(a[0]), new Spi()));
        c.put("spi_set_bus", a -> {
            fw.oids().lookup(u8(a[0]), Spi.class);
            if (a[1] instanceof String bus && bus.startsWith("?")) {
                throw fw.shutdown("Invalid spi bus");
            }
        });
        c.put("spi_send", a -> fw.oids().lookup(u8(a[0]), Spi.class));
        c.put("spi_transfer", a -> {
            int oid = u8(a[0]);
            fw.oids().lookup(oid, Spi.class);
            fw.send("spi_transfer_response", oid, new byte[((byte[]) a[1]).length]);
        });
        c.put("config_spi_shutdown", a -> {
            fw.oids().lookup(u8(a[1]), Spi.class);
            fw.oids().assign(u8(a[0]), new Object());
        });
        c.put("config_i2c", a -> fw.oids().assign(u8(a[0]), new I2c()));
        c.put("i2c_set_bus", a -> {
            fw.oids().lookup(u8(a[0]), I2c.class);
            if (a[1] instanceof String bus && bus.startsWith("?")) {
                throw fw.shutdown("Unsupported i2c bus");
            }
        });
        c.put("i2c_transfer", a -> {
            int oid = u8(a[0]);
            fw.oids().lookup(oid, I2c.class);
            fw.send("i2c_response", oid, 0, new byte[(int) Math.min(u32(a[2]), 255)]);
        });
    }
}
