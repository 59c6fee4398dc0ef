/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.api;

import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Mcu;

/**
 * A fan on a PWM pin with Klipper's fan options (Klipper's {@code fan.Fan}):
 * {@code max_power}, {@code kick_start_time}, {@code off_below}, {@code enable_pin},
 * tachometer. Speeds are 0..1; status is {@code speed} and {@code rpm}.
 */
public interface FanControl extends StatusProvider {

    Mcu getMcu();

    /** Sets the speed as soon as the MCU can schedule it. */
    void setSpeed(double value);

    /** Sets the speed at a print time (or later, keeping updates apart). */
    void setSpeed(double value, double printTime);

    /** Sets the speed in step with the moves queued so far (M106, SET_FAN_SPEED). */
    void setSpeedFromCommand(double value);
}
