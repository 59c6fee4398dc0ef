/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

import org.klipper4j.core.api.ConfigSection;

/** Builds a sensor of one {@code sensor_type} from the section that names it. */
@FunctionalInterface
public interface SensorFactory {
    TemperatureSensor create(ConfigSection config);
}
