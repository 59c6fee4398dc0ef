/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

/** A heater's control algorithm (watermark, PID, the PID_CALIBRATE relay). */
public interface HeaterControl {
    /** A new measurement: decide the output and call {@link Heater#setPwm}. */
    void temperatureUpdate(double readTime, double temp, double targetTemp);

    /** True while M109/M190 should keep waiting. */
    boolean checkBusy(double eventtime, double smoothedTemp, double targetTemp);
}
