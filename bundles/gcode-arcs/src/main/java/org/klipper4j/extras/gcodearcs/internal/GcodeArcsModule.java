/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodearcs.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [gcode_arcs]}: G2/G3 arc moves and the G17/G18/G19 plane selection. */
@Component(service = PrinterModule.class, property = {"klipper.section=gcode_arcs"})
public class GcodeArcsModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new ArcSupport(config);
    }
}
