/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;

/**
 * Builds the extruder of an {@code [extruder]} or {@code [extruderN]} section; the
 * DS components registering it per section name are in {@link ExtruderModules}.
 */
public class ExtruderModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new PrinterExtruder(config, extruderIndex(config.getName()));
    }

    /** {@code extruder} is 0, {@code extruder3} is 3. */
    static int extruderIndex(String sectionName) {
        String digits = sectionName.trim().substring("extruder".length());
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid extruder section name '" + sectionName + "'");
        }
    }
}
