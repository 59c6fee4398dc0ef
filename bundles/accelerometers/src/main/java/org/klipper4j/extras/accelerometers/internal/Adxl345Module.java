/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [adxl345]} and {@code [adxl345 name]}. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=adxl345", PrinterModule.PREFIX + "=true"})
public class Adxl345Module implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new Adxl345(config);
    }
}
