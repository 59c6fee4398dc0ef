/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.core.api.mcu.McuLinkProvider;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.mcu.internal.link.McuLinkOpener;

/** The [mcu] options as Klipper reads them, and link providers bound as DS does. */
class McuOptionsTest {
    @TempDir
    Path dir;

    private ConfigSection section(String text, String name) throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, text);
        return PrinterConfig.load(null, cfg).section(name);
    }

    @Test
    void serialPortDefaultsAsKlipper() throws Exception {
        McuOptions o = McuOptions.read(section("[mcu]\nserial: /dev/ttyUSB0\n", "mcu"));
        assertEquals(new McuOptions("mcu", "/dev/ttyUSB0", 250000, null, null, null, 0.000025), o);
        assertTrue(o.rts());
    }

    @Test
    void namedMcuWithAllOptions() throws Exception {
        McuOptions o = McuOptions.read(section("[mcu ext]\nserial: /dev/ttyACM1\nbaud: 115200\n"
                + "restart_method: cheetah\nmax_stepper_error: 0.00005\n", "mcu ext"));
        assertEquals(new McuOptions("ext", "/dev/ttyACM1", 115200, null, null, "cheetah", 0.00005), o);
        assertFalse(o.rts(), "Cheetah boards keep RTS low");
    }

    @Test
    void linuxProcessMcuHasNoBaudAndRestartsByCommand() throws Exception {
        McuOptions o = McuOptions.read(section("[mcu host]\nserial: /tmp/klipper_host_mcu\n", "mcu host"));
        assertEquals(0, o.baud());
        assertEquals("command", o.restartMethod());
    }

    @Test
    void canBusTakesTheUuidInsteadOfSerial() throws Exception {
        McuOptions o = McuOptions.read(section("[mcu toolhead]\ncanbus_uuid: 0e0d81e4210c\n", "mcu toolhead"));
        assertEquals("0e0d81e4210c", o.canbusUuid());
        assertEquals("can0", o.canbusInterface());
        assertEquals(0, o.baud());
        assertEquals("command", o.restartMethod());
    }

    @Test
    void badValuesAreConfigErrors() throws Exception {
        ConfigSection badMethod = section("[mcu]\nserial: /dev/ttyUSB0\nrestart_method: reboot\n", "mcu");
        assertThrows(ConfigException.class, () -> McuOptions.read(badMethod));
        ConfigSection lowBaud = section("[mcu]\nserial: /dev/ttyUSB0\nbaud: 1200\n", "mcu");
        assertThrows(ConfigException.class, () -> McuOptions.read(lowBaud));
        ConfigSection noSerial = section("[mcu]\nbaud: 250000\n", "mcu");
        ConfigException e = assertThrows(ConfigException.class, () -> McuOptions.read(noSerial));
        assertTrue(e.getMessage().contains("serial"), e.getMessage());
    }

    @Test
    void linkProvidersAreBoundByTheirScheme() throws Exception {
        McuLinkOpener opener = new McuLinkOpener();
        McuModule module = new McuModule(opener);
        McuLink link = new McuLink() {
            @Override
            public int read(byte[] buffer, int offset, int length, int timeoutMillis) {
                return 0;
            }

            @Override
            public void write(byte[] data, int offset, int length) {
            }

            @Override
            public void close() {
            }
        };
        McuLinkProvider provider = (address, baud) -> link;
        module.addLinkProvider(provider, Map.of(McuLinkProvider.SCHEME, "virtual"));
        assertEquals(link, opener.open("virtual:board", 250000, true));
        module.removeLinkProvider(provider, Map.of(McuLinkProvider.SCHEME, "virtual"));
        assertThrows(java.io.IOException.class, () -> opener.open("virtual:board", 250000, true));
    }
}
