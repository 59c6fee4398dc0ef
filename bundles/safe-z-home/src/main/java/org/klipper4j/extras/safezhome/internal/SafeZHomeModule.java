/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.safezhome.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [safe_z_home]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=safe_z_home"})
public class SafeZHomeModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new SafeZHome(config);
    }
}
