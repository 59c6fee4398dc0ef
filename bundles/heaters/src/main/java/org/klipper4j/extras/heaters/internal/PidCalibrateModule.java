/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code pid_calibrate} object (PID_CALIBRATE), loaded by the first heater. */
@Component(service = PrinterModule.class, property = {"klipper.section=pid_calibrate"})
public final class PidCalibrateModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        return new PidCalibrate(config.getPrinter());
    }
}
