/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [force_move]}; every stepper loads it, so STEPPER_BUZZ exists without the section. */
@Component(service = PrinterModule.class, property = {"klipper.section=force_move"})
public class ForceMoveModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new ForceMove(config);
    }
}
