/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.mcu.internal.host.McuImpl;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.mcu.internal.link.UsbHubPower;
import org.klipper4j.testkit.ReactorPrinter;

/**
 * {@code restart_method: rpi_usb} as Klipper does it: an unconfigured MCU is first power
 * cycled (the host asks for a firmware restart), and the restart turns the Pi's USB power
 * off, waits two seconds and turns it on again, after letting go of the link.
 */
class RpiUsbRestartTest {
    @TempDir
    Path dir;
    private final VirtualMcu board = new VirtualMcu("rpi", BoardWiring.virtualPrinter());
    private ReactorPrinter printer;

    @AfterEach
    void stop() throws Exception {
        if (printer != null) {
            printer.close();
        }
        board.close();
    }

    @Test
    void anUnconfiguredMcuIsPowerCycledThroughTheUsbHub() throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: virtual:rpi\nrestart_method: rpi_usb\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("virtual", (address, baud) -> board.openLink());
        McuImpl mcu = printer.call(() -> {
            McuImpl m = (McuImpl) new McuModule(opener).load(PrinterConfig.load(printer, cfg).section("mcu"));
            printer.addObject("mcu", m);
            return m;
        });
        List<String> power = new CopyOnWriteArrayList<>();
        List<Double> times = new CopyOnWriteArrayList<>();
        mcu.setUsbHubPower(on -> {
            power.add(on ? "on" : "off");
            times.add(printer.getReactor().monotonic());
        });

        Exception e = assertThrows(Exception.class, () -> printer.run(() -> {
            printer.sendEvent(PrinterEvents.MCU_IDENTIFY);
            printer.sendEvent(PrinterEvents.CONNECT);
        }));
        assertTrue(String.valueOf(e.getMessage()).contains("Attempt MCU 'mcu' restart failed")
                || String.valueOf(e.getCause()).contains("Attempt MCU 'mcu' restart failed"), String.valueOf(e));
        assertEquals(List.of("firmware_restart"), printer.exits);

        printer.run(() -> printer.sendEvent(PrinterEvents.FIRMWARE_RESTART));

        assertEquals(List.of("off", "on"), power);
        assertTrue(times.get(1) - times.get(0) >= 2.0, "power off for two seconds: " + times);
    }

    @Test
    void theHubCommandIsKlippers() {
        assertEquals(List.of("sudo", "hub-ctrl", "-h", "0", "-P", "2", "-p", "0"), UsbHubPower.command("hub-ctrl", false));
        assertEquals(List.of("sudo", "/opt/hub-ctrl", "-h", "0", "-P", "2", "-p", "1"),
                UsbHubPower.command("/opt/hub-ctrl", true));
    }
}
