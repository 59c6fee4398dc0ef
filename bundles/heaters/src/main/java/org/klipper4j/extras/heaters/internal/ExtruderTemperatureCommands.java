/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.Optional;

import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.extras.heaters.api.HeatedExtruder;
import org.klipper4j.extras.heaters.api.Heater;

/**
 * M104/M109: {@code T<n>} picks the object {@code extruder} / {@code extruder<n>}, no T the
 * active extruder. Its heater comes from the extruder object when it is a {@link HeatedExtruder},
 * else it is the heater of the same name.
 */
final class ExtruderTemperatureCommands {
    private final PrinterHeaters heaters;

    ExtruderTemperatureCommands(PrinterHeaters heaters) {
        this.heaters = heaters;
    }

    void setTemperature(GCodeCommand cmd, boolean wait) {
        double temp = cmd.getFloat("S", 0.);
        Integer index = cmd.getInt("T", null, 0, null);
        String name = index == null ? heaters.getActiveExtruder() : index == 0 ? "extruder" : "extruder" + index;
        Optional<Heater> heater = heaterOf(name);
        if (heater.isEmpty()) {
            if (index != null && temp <= 0.) {
                return; // turning off an extruder that is not configured is fine with an explicit T
            }
            throw cmd.error("Extruder not configured");
        }
        heaters.setTemperature(heater.get(), temp, wait);
    }

    private Optional<Heater> heaterOf(String extruderName) {
        Optional<HeatedExtruder> extruder = heaters.printer().findObject(extruderName, HeatedExtruder.class);
        if (extruder.isPresent()) {
            return Optional.of(extruder.get().getHeater());
        }
        try {
            return Optional.of(heaters.lookupHeater(extruderName));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
