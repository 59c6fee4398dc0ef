/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

/** Receives each temperature a sensor measures: the print time it was read and degrees Celsius. */
@FunctionalInterface
public interface TemperatureCallback {
    void onTemperature(double readTime, double temp);
}
