/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

/** Something M105 and TEMPERATURE_WAIT can read: a heater or a temperature_sensor. */
public interface TemperatureSource {
    /** {current, target} in degrees Celsius at host time {@code eventtime}. */
    double[] getTemp(double eventtime);
}
