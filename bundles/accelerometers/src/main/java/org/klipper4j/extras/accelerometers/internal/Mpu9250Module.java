/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [mpu9250]} and {@code [mpu9250 name]}. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=mpu9250", PrinterModule.PREFIX + "=true"})
public class Mpu9250Module implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new Mpu9250(config);
    }
}
