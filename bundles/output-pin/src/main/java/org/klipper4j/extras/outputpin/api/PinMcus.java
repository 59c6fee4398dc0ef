/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.PinParams;

/** Finds the MCU a looked-up pin is on, for objects that send their own MCU commands. */
public final class PinMcus {
    private PinMcus() {
    }

    /** The MCU of {@code params}; a config error if its chip is not an MCU (a virtual chip). */
    public static Mcu mcuOf(Printer printer, PinParams params) {
        String chip = params.chipName();
        String objectName = "mcu".equals(chip) ? "mcu" : "mcu " + chip;
        Optional<Mcu> mcu = printer.findObject(objectName, Mcu.class);
        if (mcu.isEmpty()) {
            throw new ConfigException("Pin '" + chip + ":" + params.pin() + "' must be on an MCU");
        }
        return mcu.get();
    }
}
