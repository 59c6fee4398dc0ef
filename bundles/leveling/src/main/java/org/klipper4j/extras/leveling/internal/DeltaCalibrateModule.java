/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [delta_calibrate]}. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=delta_calibrate"})
public final class DeltaCalibrateModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new DeltaCalibrate(config);
    }
}
