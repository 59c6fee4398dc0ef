/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import org.klipper4j.core.api.ConfigSection;

/** An accelerometer chip section, as the resonance tester refers to it. */
public interface Accelerometer {
    /** The chip's name: the section's second word, or {@code default} for a bare {@code [adxl345]}. */
    String chipName();

    AxesMap axesMap();

    /** Reads one chip register (waits for the MCU's answer). */
    int readRegister(int reg);

    /** Writes one chip register; throws a command error if the chip does not keep the value. */
    void setRegister(int reg, int value);

    static String chipName(ConfigSection config) {
        String[] parts = config.getName().trim().split("\\s+", 2);
        return parts.length > 1 ? parts[1] : "default";
    }
}
