/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.Mcu;

/** Checks a bus name ({@code spi_bus}, {@code i2c_bus}) against the MCU's dictionary (Klipper's resolve_bus_name). */
final class BusNames {
    private BusNames() {
    }

    /**
     * The bus to put in the config command: the given name if the dictionary knows it, the
     * dictionary's bus number 0 when none was given, or the raw value (or 0) when the
     * firmware has no enumeration for this bus kind.
     */
    static String resolve(Mcu mcu, String param, String bus) {
        Map<String, Map<String, Integer>> enumerations = mcu.getEnumerations();
        Map<String, Integer> names = enumerations.get(param);
        if (names == null) {
            names = enumerations.get("bus");
        }
        if (names == null) {
            return bus == null ? "0" : bus;
        }
        if (bus == null) {
            for (Map.Entry<String, Integer> entry : names.entrySet()) {
                if (entry.getValue() == 0) {
                    return entry.getKey();
                }
            }
            throw new ConfigException(String.format("Must specify %s on mcu '%s'", param, mcu.getName()));
        }
        if (!names.containsKey(bus)) {
            throw new ConfigException(String.format("Unknown %s '%s'", param, bus));
        }
        return bus;
    }
}
