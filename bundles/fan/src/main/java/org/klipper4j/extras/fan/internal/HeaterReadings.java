/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;

/**
 * Heaters by Klipper heater name, read through their status ({@code temperature},
 * {@code target}) so the fan bundle needs no heater API. A heater named
 * {@code extruder} or {@code heater_bed} is that printer object; other names are
 * {@code heater_generic NAME}.
 */
final class HeaterReadings {
    /** One heater's state. */
    record Reading(double temperature, double target) {
    }

    private final List<StatusProvider> heaters;

    private HeaterReadings(List<StatusProvider> heaters) {
        this.heaters = heaters;
    }

    /** Finds every named heater; a config error names the first unknown one. */
    static HeaterReadings lookup(Printer printer, List<String> names) {
        List<StatusProvider> found = new ArrayList<>();
        for (String name : names) {
            Optional<StatusProvider> heater = printer.findObject(name, StatusProvider.class)
                    .or(() -> printer.findObject("heater_generic " + name, StatusProvider.class));
            if (heater.isEmpty()) {
                throw new ConfigException("Unknown heater '" + name + "'");
            }
            found.add(heater.get());
        }
        return new HeaterReadings(found);
    }

    List<Reading> read(double eventtime) {
        List<Reading> readings = new ArrayList<>();
        for (StatusProvider heater : heaters) {
            Map<String, Object> status = heater.getStatus(eventtime);
            readings.add(new Reading(number(status.get("temperature")), number(status.get("target"))));
        }
        return readings;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.;
    }
}
