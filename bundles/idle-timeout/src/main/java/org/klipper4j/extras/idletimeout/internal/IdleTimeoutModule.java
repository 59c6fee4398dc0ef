/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.idletimeout.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [idle_timeout]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=idle_timeout"})
public class IdleTimeoutModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new IdleTimeout(config);
    }
}
