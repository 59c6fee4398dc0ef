/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [led NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=led", "klipper.prefix=true"})
public class LedModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new PwmLed(config);
    }
}
