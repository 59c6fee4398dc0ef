/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [temperature_fan NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=temperature_fan", "klipper.prefix=true"})
public final class TemperatureFanModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new TemperatureFan(config);
    }
}
