/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/** Section naming shared by the output sections. */
final class PinObjects {
    private PinObjects() {
    }

    /** The instance name of {@code [output_pin NAME]}: the word after the section type. */
    static String instanceName(ConfigSection config) {
        String[] parts = config.getName().trim().split("\\s+");
        if (parts.length < 2) {
            throw new ConfigException("Section '" + config.getName() + "' needs a name, as [" + parts[0]
                    + " my_pin]");
        }
        return parts[1];
    }
}
