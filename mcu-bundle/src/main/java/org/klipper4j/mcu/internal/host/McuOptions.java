/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.mcu.internal.link.McuLinkOpener;

/**
 * The options of an {@code [mcu]} / {@code [mcu NAME]} section, read as Klipper reads them.
 *
 * @param name            the MCU name: {@code mcu}, or NAME of {@code [mcu NAME]}
 * @param serial          the serial value (device path or {@code scheme:address}); the UUID for CAN
 * @param baud            0 for links without baud (Linux-process MCU, rpmsg)
 * @param canbusUuid      {@code canbus_uuid}, or null
 * @param canbusInterface {@code canbus_interface} (CAN only)
 * @param restartMethod   arduino, cheetah, command, rpi_usb, or null (decided at identify)
 * @param maxStepperError seconds
 */
public record McuOptions(String name, String serial, int baud, String canbusUuid, String canbusInterface,
        String restartMethod, double maxStepperError) {

    public static McuOptions read(ConfigSection config) {
        String section = config.getName();
        String name = section.startsWith("mcu ") ? section.substring(4).strip() : section;
        String canbusUuid = config.get("canbus_uuid", null);
        String serial;
        String canbusInterface = null;
        int baud = 0;
        if (canbusUuid != null) {
            serial = canbusUuid;
            canbusInterface = config.get("canbus_interface", "can0");
        } else {
            serial = config.get("serial");
            if (McuLinkOpener.takesBaud(serial)) {
                baud = config.getInt("baud", 250000, 2400, null);
            }
        }
        String restartMethod = "command";
        if (baud != 0) {
            Map<String, String> methods = new LinkedHashMap<>();
            for (String m : new String[] {"arduino", "cheetah", "command", "rpi_usb"}) {
                methods.put(m, m);
            }
            restartMethod = config.hasOption("restart_method")
                    ? config.getChoice("restart_method", methods, null) : null;
        }
        double maxStepperError = config.getFloat("max_stepper_error", 0.000025, Bounds.min(0.));
        return new McuOptions(name, serial, baud, canbusUuid, canbusInterface, restartMethod, maxStepperError);
    }

    /** Cheetah boards must keep RTS deasserted or a reset enters their bootloader. */
    public boolean rts() {
        return !"cheetah".equals(restartMethod);
    }
}
