/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

/**
 * Implemented by the extruder objects ({@code extruder}, {@code extruder1}, ...) so M104/M109
 * find their heater, including a shared_heater.
 */
public interface HeatedExtruder {
    Heater getHeater();
}
