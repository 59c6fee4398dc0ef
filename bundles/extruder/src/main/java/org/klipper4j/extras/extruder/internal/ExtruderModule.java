/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/**
 * Builds the extruder of an {@code [extruder]} or {@code [extruderN]} section: one
 * component serves them all, {@code extruder1}, {@code extruder2}, ... without limit
 * as in Klipper, through the host's numbered sections.
 */
@Component(service = PrinterModule.class,
        property = {PrinterModule.SECTION + "=extruder", PrinterModule.NUMBERED + "=true"})
public final class ExtruderModule implements PrinterModule {

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
