/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;

/** A module service that is activated only when a section it serves is loaded. */
final class ServiceModule implements PrinterModule {
    private final String section;
    private final LazyService<PrinterModule> service;

    ServiceModule(String section, LazyService<PrinterModule> service) {
        this.section = section;
        this.service = service;
    }

    @Override
    public Object load(ConfigSection config) {
        PrinterModule module = service.get();
        if (module == null) {
            throw new ConfigException("Unable to load module '" + section + "': the module service of "
                    + service.origin() + " could not be started");
        }
        return module.load(config);
    }
}
