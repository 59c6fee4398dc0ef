/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [tmc5160 stepper_name]} sections. */
@Component(property = {PrinterModule.SECTION + "=tmc5160", PrinterModule.PREFIX + "=true"})
public class Tmc5160Module implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return TmcFamilies.tmc5160(config);
    }
}
