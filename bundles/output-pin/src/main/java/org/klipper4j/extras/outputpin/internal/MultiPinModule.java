/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [multi_pin NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=multi_pin", "klipper.prefix=true"})
public final class MultiPinModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new MultiPin(config);
    }
}
