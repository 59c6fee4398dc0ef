/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [filament_motion_sensor NAME]} sections. */
@Component(service = PrinterModule.class,
        property = {"klipper.section=filament_motion_sensor", "klipper.prefix=true"})
public class FilamentMotionSensorModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new MotionSensor(config);
    }
}
