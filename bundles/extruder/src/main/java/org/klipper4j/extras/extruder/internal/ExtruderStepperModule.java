/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [extruder_stepper NAME]}: an extra stepper that follows an extruder's moves. */
@Component(property = {PrinterModule.SECTION + "=extruder_stepper", PrinterModule.PREFIX + "=true"})
public final class ExtruderStepperModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new PrinterExtruderStepper(config);
    }
}
