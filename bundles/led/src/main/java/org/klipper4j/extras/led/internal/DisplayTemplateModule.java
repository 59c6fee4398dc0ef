/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [display_template NAME]} sections: all are loaded together on first use. */
@Component(service = PrinterModule.class, property = {"klipper.section=display_template", "klipper.prefix=true"})
public class DisplayTemplateModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        String name = config.getName().substring("display_template".length()).trim();
        return DisplayTemplates.lookup(config).get(name);
    }
}
