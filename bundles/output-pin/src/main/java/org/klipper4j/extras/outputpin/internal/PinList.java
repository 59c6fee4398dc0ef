/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigSection;

/** A required comma-separated list of pins ({@code pins:} of static_digital_output and multi_pin). */
final class PinList {
    private PinList() {
    }

    static List<String> read(ConfigSection config) {
        List<String> pins = new ArrayList<>();
        for (String pin : config.get("pins").split(",")) {
            if (!pin.isBlank()) {
                pins.add(pin.trim());
            }
        }
        return pins;
    }
}
