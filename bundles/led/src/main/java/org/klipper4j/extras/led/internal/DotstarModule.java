/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [dotstar NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=dotstar", "klipper.prefix=true"})
public class DotstarModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new Dotstar(config);
    }
}
