/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.testkit.ReactorPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.mcu.internal.link.McuLinkOpener;

/** The whole connect over a real pseudo-tty, as to Klipper's Linux-process MCU at /tmp/klipper_host_mcu. */
class McuOverPtyTest {
    interface Ptmx extends Library {
        Ptmx C = Native.load("c", Ptmx.class);

        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        String ptsname(int fd);

        NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

        int close(int fd);
    }

    @TempDir
    Path dir;
    private ReactorPrinter printer;
    private volatile boolean pumping = true;
    private int master = -1;

    @AfterEach
    void stop() throws Exception {
        pumping = false;
        if (printer != null) {
            printer.close();
        }
        if (master >= 0) {
            Ptmx.C.close(master);
        }
    }

    /** Moves bytes between the pty master and the in-memory firmware. */
    private void pump(FakeFirmware firmware) {
        Thread toFirmware = new Thread(() -> {
            byte[] buf = new byte[4096];
            while (pumping) {
                try {
                    int n = (int) Ptmx.C.read(master, buf, new NativeLong(buf.length)).longValue();
                    if (n > 0) {
                        firmware.write(Arrays.copyOf(buf, n), 0, n);
                    }
                } catch (LastErrorException e) {
                    return;
                }
            }
        }, "pty-to-firmware");
        Thread toHost = new Thread(() -> {
            byte[] buf = new byte[4096];
            while (pumping) {
                try {
                    int n = firmware.read(buf, 0, buf.length, 20);
                    if (n > 0) {
                        Ptmx.C.write(master, Arrays.copyOf(buf, n), new NativeLong(n));
                    }
                } catch (Exception e) {
                    return;
                }
            }
        }, "firmware-to-pty");
        toFirmware.setDaemon(true);
        toHost.setDaemon(true);
        toFirmware.start();
        toHost.start();
    }

    @Test
    void connectsOverAPseudoTty() throws Exception {
        master = Ptmx.C.posix_openpt(0x2 | 0x100);
        Ptmx.C.grantpt(master);
        Ptmx.C.unlockpt(master);
        Path link = dir.resolve("klipper_host_mcu");
        Files.createSymbolicLink(link, Path.of(Ptmx.C.ptsname(master)));
        FakeFirmware firmware = new FakeFirmware("/org/klipper4j/mcu/protocol/dict/linuxprocess.dict");
        pump(firmware);

        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: " + link + "\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuModule module = new McuModule(new McuLinkOpener());
        McuImpl mcu = printer.call(() -> (McuImpl) module.load(PrinterConfig.load(printer, cfg).section("mcu")));
        printer.run(() -> {
            printer.sendEvent(PrinterEvents.MCU_IDENTIFY);
            printer.sendEvent(PrinterEvents.CONNECT);
        });
        assertEquals(List.of("allocate_oids count=0", "finalize_config crc=3912464276"),
                firmware.received.stream().filter(s -> s.startsWith("allocate") || s.startsWith("finalize"))
                        .toList());
        assertTrue(firmware.isConfig);
        assertEquals("linux", printer.call(() -> mcu.getConstants().get("MCU")));
    }
}
