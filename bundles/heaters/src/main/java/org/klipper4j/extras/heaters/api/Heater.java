/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

import java.util.Map;

import org.klipper4j.core.api.StatusProvider;

/** One heater (extruder, heater_bed, heater_generic), as Klipper's Heater. */
public interface Heater extends TemperatureSource, StatusProvider {
    /** The short name: {@code extruder}, {@code heater_bed}, the generic heater's name. */
    String getName();

    /** Sets the target; 0 turns the heater off. Throws a command error when out of min_temp..max_temp. */
    void setTemp(double degrees);

    boolean checkBusy(double eventtime);

    /** True once the smoothed temperature reached min_extrude_temp (always in batch mode). */
    boolean canExtrude();

    double getMinExtrudeTemp();

    double getMaxPower();

    /** Print time between a measurement and the PWM update it causes. */
    double getPwmDelay();

    double getSmoothTime();

    /** Schedules an output value for a measurement read at {@code readTime}. */
    void setPwm(double readTime, double value);

    /** Changes the target without range errors (clamped), for control algorithms. */
    void alterTarget(double targetTemp);

    /** Swaps the control algorithm (PID_CALIBRATE); the target goes to 0. Returns the old one. */
    HeaterControl setControl(HeaterControl control);

    /** {@code temperature}, {@code target}, {@code power}. */
    @Override
    Map<String, Object> getStatus(double eventtime);
}
