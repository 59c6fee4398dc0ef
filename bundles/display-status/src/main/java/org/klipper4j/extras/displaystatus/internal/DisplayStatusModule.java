/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.displaystatus.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [display_status]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=display_status"})
public class DisplayStatusModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new DisplayStatus(config);
    }
}
