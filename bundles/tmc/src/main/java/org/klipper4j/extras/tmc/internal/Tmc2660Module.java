/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [tmc2660 stepper_name]} sections. */
@Component(property = {PrinterModule.SECTION + "=tmc2660", PrinterModule.PREFIX + "=true"})
public class Tmc2660Module implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return TmcFamilies.tmc2660(config);
    }
}
