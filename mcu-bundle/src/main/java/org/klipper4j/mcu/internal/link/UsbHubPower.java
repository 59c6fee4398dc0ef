/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Switches the power of the Raspberry Pi's USB ports, for {@code restart_method: rpi_usb}:
 * as Klipper does, by running {@code sudo hub-ctrl -h 0 -P 2 -p 0|1} (hub 0, port 2; on
 * the Pi's built-in hub that switches all ports). The {@code hub-ctrl} program (Klipper's
 * lib/hub-ctrl, built with libusb) is looked up on the PATH unless the system property
 * {@value #PROGRAM_PROPERTY} names it.
 */
@FunctionalInterface
public interface UsbHubPower {
    String PROGRAM_PROPERTY = "klipper4j.hubctrl";

    /** Turns the USB ports' power on or off. */
    void setPower(boolean on) throws IOException;

    /** The command a power change runs. */
    static List<String> command(String program, boolean on) {
        return List.of("sudo", program, "-h", "0", "-P", "2", "-p", on ? "1" : "0");
    }

    /** Runs {@link #command} as a process and waits for it. */
    static UsbHubPower viaHubCtrl() {
        return on -> {
            List<String> cmd = command(System.getProperty(PROGRAM_PROPERTY, "hub-ctrl"), on);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("'" + String.join(" ", cmd) + "' did not finish within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", cmd), e);
            }
            if (p.exitValue() != 0) {
                throw new IOException("'" + String.join(" ", cmd) + "' exited with status " + p.exitValue());
            }
        };
    }
}
