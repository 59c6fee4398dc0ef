/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [bed_screws]}. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=bed_screws"})
public final class BedScrewsModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new BedScrews(config);
    }
}
