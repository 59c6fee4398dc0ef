/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code buttons} object that sensors load (Klipper's {@code buttons} module). */
@Component(service = PrinterModule.class, property = {"klipper.section=buttons"})
public class ButtonsModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new PrinterButtons(config.getPrinter());
    }
}
