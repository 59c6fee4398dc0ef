/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.greeter;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [greeter]} section: one {@link Greeter} per printer build. */
@Component(property = {PrinterModule.SECTION + "=greeter"})
public class GreeterModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new Greeter(config);
    }
}
