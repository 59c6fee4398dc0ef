/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

/** A temperature sensor as a heater or a temperature_sensor section drives it. */
public interface TemperatureSensor {
    /** The range outside which the sensor's MCU shuts the printer down on its own. */
    void setupMinMax(double minTemp, double maxTemp);

    void setupCallback(TemperatureCallback callback);

    /** Seconds between two reports. */
    double getReportTimeDelta();
}
