/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [temperature_sensor NAME]}. */
@Component(service = PrinterModule.class, property = {"klipper.section=temperature_sensor", "klipper.prefix=true"})
public final class TemperatureSensorModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new GenericTemperatureSensor(config);
    }
}
