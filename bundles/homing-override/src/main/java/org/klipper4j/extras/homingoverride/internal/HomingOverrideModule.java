/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.homingoverride.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [homing_override]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=homing_override"})
public class HomingOverrideModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new HomingOverride(config);
    }
}
