/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.extras.heaters.api.SensorFactory;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [adc_temperature NAME]}: a custom voltage or resistance table usable as a sensor_type. */
@Component(service = PrinterModule.class, property = {"klipper.section=adc_temperature", "klipper.prefix=true"})
public final class AdcTemperatureModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        SensorFactory factory = CustomAdcTable.fromConfig(config);
        Modules.heaters(config).addSensorFactory(Modules.instanceName(config), factory);
        return factory;
    }
}
