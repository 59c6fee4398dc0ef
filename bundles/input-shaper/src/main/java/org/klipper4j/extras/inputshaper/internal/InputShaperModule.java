/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [input_shaper]}: input shaping of the toolhead's X, Y and Z motion and SET_INPUT_SHAPER. */
@Component(service = PrinterModule.class, property = {"klipper.section=input_shaper"})
public class InputShaperModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new InputShaper(config);
    }
}
