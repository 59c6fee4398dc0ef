/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.heaters.api.Heaters;

/** Helpers the section modules share. */
final class Modules {
    private Modules() {
    }

    static Heaters heaters(ConfigSection config) {
        return (Heaters) config.getPrinter().loadObject(config, "heaters");
    }

    /** The section name without its first word: {@code [thermistor My Sensor]} gives {@code My Sensor}. */
    static String instanceName(ConfigSection config) {
        String name = config.getName().trim();
        int space = name.indexOf(' ');
        return space < 0 ? "" : name.substring(space + 1).trim();
    }
}
