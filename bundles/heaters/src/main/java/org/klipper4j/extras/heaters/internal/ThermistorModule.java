/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.extras.heaters.api.SensorFactory;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [thermistor NAME]}: a custom thermistor usable as {@code sensor_type: NAME}. */
@Component(service = PrinterModule.class, property = {"klipper.section=thermistor", "klipper.prefix=true"})
public final class ThermistorModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        ThermistorParams params = ThermistorParams.fromConfig(config);
        SensorFactory factory = sensor -> new AdcTemperatureSensor(sensor, params.converter(sensor));
        Modules.heaters(config).addSensorFactory(Modules.instanceName(config), factory);
        return factory;
    }
}
