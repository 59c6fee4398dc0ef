/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/** A required float option with bounds (the config API bounds only optional ones). */
final class RequiredFloat {
    private RequiredFloat() {
    }

    static double read(ConfigSection config, String option, Bounds bounds) {
        if (!config.hasOption(option)) {
            return config.getFloat(option); // throws the missing-option error
        }
        return config.getFloat(option, null, bounds);
    }
}
