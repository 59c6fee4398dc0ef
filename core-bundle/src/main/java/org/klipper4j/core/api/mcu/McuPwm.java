/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** A PWM output (Klipper's MCU_pwm), software or hardware; values 0..1, scheduled by print time. */
public interface McuPwm {
    Mcu getMcu();

    void setupMaxDuration(double maxDuration);

    void setupCycleTime(double cycleTime, boolean hardwarePwm);

    void setupStartValue(double startValue, double shutdownValue);

    void setPwm(double printTime, double value);
}
