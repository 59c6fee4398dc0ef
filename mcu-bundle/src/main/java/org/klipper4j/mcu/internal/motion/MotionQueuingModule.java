/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.osgi.service.component.annotations.Component;

/** Serves {@code motion_queuing}, which the toolhead and every stepper load on demand. */
@Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=" + MotionQueuing.NAME)
public final class MotionQueuingModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new MotionQueuingImpl(config.getPrinter());
    }
}
