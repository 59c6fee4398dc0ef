/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.extras.heaters.api.Heater;

/**
 * M104/M109 for the extruder heaters: {@code T<n>} picks {@code extruder} / {@code extruder<n>};
 * without T the heater named {@code extruder} (the API has no active-extruder query yet).
 */
final class ExtruderTemperatureCommands {
    private final PrinterHeaters heaters;

    ExtruderTemperatureCommands(PrinterHeaters heaters) {
        this.heaters = heaters;
    }

    void setTemperature(GCodeCommand cmd, boolean wait) {
        double temp = cmd.getFloat("S", 0.);
        Integer index = cmd.getInt("T", null, 0, null);
        String name = index == null || index == 0 ? "extruder" : "extruder" + index;
        Heater heater;
        try {
            heater = heaters.lookupHeater(name);
        } catch (RuntimeException e) {
            if (index != null && temp <= 0.) { // only an explicit T may name a missing extruder
                return;
            }
            throw cmd.error("Extruder not configured");
        }
        heaters.setTemperature(heater, temp, wait);
    }
}
