/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [quad_gantry_level]}. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=quad_gantry_level"})
public final class QuadGantryLevelModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new QuadGantryLevel(config);
    }
}
