/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/** A required float with bounds: the API has bounds only on the optional getter. */
final class RequiredOptions {
    private RequiredOptions() {
    }

    static double getFloat(ConfigSection config, String option, Bounds bounds) {
        if (!config.hasOption(option)) {
            return config.getFloat(option); // throws the "must be specified" error
        }
        return config.getFloat(option, null, bounds);
    }
}
