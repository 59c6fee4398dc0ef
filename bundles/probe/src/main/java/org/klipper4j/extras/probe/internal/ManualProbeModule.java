/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [manual_probe]} (the toolhead also loads it when this bundle is present). */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=manual_probe"})
public final class ManualProbeModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new ManualProbeObject(config);
    }
}
