/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [heater_fan NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=heater_fan", "klipper.prefix=true"})
public final class HeaterFanModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new HeaterFan(config);
    }
}
