/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;

/**
 * An {@code [extruder_stepper NAME]} section: a stepper that moves with the
 * extruder named by its {@code extruder} option (default {@code extruder}, none if empty) once the printer
 * connects, and can be moved to another with SYNC_EXTRUDER_MOTION.
 */
public final class PrinterExtruderStepper implements StatusProvider {
    private final ExtruderStepper extruderStepper;

    public PrinterExtruderStepper(ConfigSection config) {
        this.extruderStepper = new ExtruderStepper(config);
        String extruderName = config.get("extruder", "extruder");
        config.getPrinter().registerEventHandler(PrinterEvents.CONNECT, args -> {
            if (!extruderName.isEmpty()) {
                extruderStepper.syncToExtruder(extruderName);
            }
        });
    }

    ExtruderStepper getExtruderStepper() {
        return extruderStepper;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return extruderStepper.getStatus(eventtime);
    }
}
