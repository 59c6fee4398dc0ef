/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [heater_generic NAME]}: a heater with SET_HEATER_TEMPERATURE and an optional gcode_id. */
@Component(service = PrinterModule.class, property = {"klipper.section=heater_generic", "klipper.prefix=true"})
public final class HeaterGenericModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return Modules.heaters(config).setupHeater(config, null);
    }
}
