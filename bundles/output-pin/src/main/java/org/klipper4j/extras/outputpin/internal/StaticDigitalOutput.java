/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.extras.outputpin.api.PinSetup;

/** {@code [static_digital_output NAME]}: pins driven high at config time and never changed. */
final class StaticDigitalOutput {
    private final List<String> pins;

    StaticDigitalOutput(ConfigSection config) {
        pins = PinList.read(config);
        for (String pinDesc : pins) {
            McuDigitalOut out = PinSetup.digitalOut(config, pinDesc);
            // static: the MCU's config sets the level; no updates, so no watchdog duration
            out.setupMaxDuration(0.);
            out.setupStartValue(true, true);
        }
    }

    List<String> pins() {
        return pins;
    }
}
