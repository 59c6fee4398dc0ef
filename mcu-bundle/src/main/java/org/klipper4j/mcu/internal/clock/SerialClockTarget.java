/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.clock;

/** Where the clock sync publishes the estimate the serial queue schedules commands with. */
@FunctionalInterface
public interface SerialClockTarget {
    /** The MCU is at least at {@code convClock} at host time {@code convTime}, running at {@code freq}. */
    void setClockEstimate(double freq, double convTime, long convClock, long lastClock);
}
