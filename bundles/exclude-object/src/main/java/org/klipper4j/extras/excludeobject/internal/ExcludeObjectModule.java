/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.excludeobject.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [exclude_object]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=exclude_object"})
public class ExcludeObjectModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new ExcludeObject(config);
    }
}
