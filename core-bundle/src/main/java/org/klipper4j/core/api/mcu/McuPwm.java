/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** A PWM output (Klipper's MCU_pwm), software or hardware; values 0..1, scheduled by print time. */
public interface McuPwm {
    Mcu getMcu();

    void setupMaxDuration(double maxDuration);

    void setupCycleTime(double cycleTime, boolean hardwarePwm);

    void setupStartValue(double startValue, double shutdownValue);

    void setPwm(double printTime, double value);

    /**
     * The first print time, at or after {@code printTime} less up to {@code allowEarly}
     * seconds, at which a new value starts a whole software PWM cycle (Klipper's
     * {@code next_aligned_print_time}); {@code printTime} itself when there is no cycle
     * to keep (hardware PWM, or the output fully off or on).
     */
    default double nextAlignedPrintTime(double printTime, double allowEarly) {
        return printTime;
    }
}
