/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.extras.probe.api.Probe;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [smart_effector]}: the effector object, and the {@code probe} object around it. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=smart_effector"})
public final class SmartEffectorModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        SmartEffectorEndstop effector = new SmartEffectorEndstop(config);
        config.getPrinter().addObject(Probe.NAME, new PrinterProbe(config, effector));
        return effector;
    }
}
