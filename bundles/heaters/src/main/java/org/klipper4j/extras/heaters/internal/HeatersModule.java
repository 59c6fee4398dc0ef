/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code heaters} object; other modules load it with {@code printer.loadObject(config, "heaters")}. */
@Component(service = PrinterModule.class, property = {"klipper.section=heaters"})
public final class HeatersModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new PrinterHeaters(config.getPrinter());
    }
}
