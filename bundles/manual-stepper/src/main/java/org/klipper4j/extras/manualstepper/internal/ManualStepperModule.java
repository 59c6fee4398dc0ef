/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [manual_stepper NAME]} sections: one {@link ManualStepper} each. */
@Component(service = PrinterModule.class, property = {"klipper.section=manual_stepper", "klipper.prefix=true"})
public class ManualStepperModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new ManualStepper(config);
    }
}
