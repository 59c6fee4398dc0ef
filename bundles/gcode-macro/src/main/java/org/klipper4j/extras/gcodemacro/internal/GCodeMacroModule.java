/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/**
 * Serves {@code [gcode_macro NAME]} and the template engine itself, the object
 * {@code gcode_macro} that other modules load for their templates.
 */
@Component(service = PrinterModule.class,
        property = {PrinterModule.SECTION + "=gcode_macro", PrinterModule.PREFIX + "=true"})
public class GCodeMacroModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        if (config.getName().trim().equals("gcode_macro")) {
            return new MacroTemplateEngine(config);
        }
        return new GCodeMacro(config);
    }
}
