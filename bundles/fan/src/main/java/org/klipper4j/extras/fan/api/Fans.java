/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.api;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.fan.internal.FanCore;

/** Makes fans from a section's options, for bundles whose sections contain a fan. */
public final class Fans {
    private Fans() {
    }

    /** Reads the fan options of {@code config} (pin, max_power, ...) and sets the fan up. */
    public static FanControl create(ConfigSection config, double defaultShutdownSpeed) {
        return new FanCore(config, defaultShutdownSpeed);
    }
}
