/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.clock;

/**
 * A linear estimate of an MCU's clock: it read {@code clock} at host time {@code sampleTime}
 * and runs at {@code freq} ticks per host second.
 */
public record ClockEstimate(double sampleTime, double clock, double freq) {
    public long clockAt(double eventtime) {
        return (long) (clock + (eventtime - sampleTime) * freq);
    }

    public double timeOf(long clockValue) {
        return (clockValue - clock) / freq + sampleTime;
    }
}
