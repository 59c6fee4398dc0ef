/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [save_variables]}. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=save_variables"})
public class SaveVariablesModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new SaveVariables(config);
    }
}
