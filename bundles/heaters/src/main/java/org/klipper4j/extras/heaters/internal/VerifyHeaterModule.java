/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [verify_heater NAME]}; every heater also loads one with the defaults. */
@Component(service = PrinterModule.class, property = {"klipper.section=verify_heater", "klipper.prefix=true"})
public final class VerifyHeaterModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new VerifyHeater(config);
    }
}
