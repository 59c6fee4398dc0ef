/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.motion.StepperEnable;
import org.osgi.service.component.annotations.Component;

/** Serves {@code stepper_enable}, which every stepper loads on demand. */
@Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=" + StepperEnable.NAME)
public final class StepperEnableModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new StepperEnableImpl(config);
    }
}
