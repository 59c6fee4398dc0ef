/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import org.klipper4j.core.api.ConfigSection;

/** An accelerometer chip section, as the resonance tester refers to it. */
public interface Accelerometer {
    /** The chip's name: the section's second word, or {@code default} for a bare {@code [adxl345]}. */
    String chipName();

    AxesMap axesMap();

    static String chipName(ConfigSection config) {
        String[] parts = config.getName().trim().split("\\s+", 2);
        return parts.length > 1 ? parts[1] : "default";
    }
}
