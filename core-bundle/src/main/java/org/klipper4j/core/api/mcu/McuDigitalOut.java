/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** A digital output pin (Klipper's MCU_digital_out); scheduled by print time. */
public interface McuDigitalOut {
    Mcu getMcu();

    /** The MCU turns the pin back to its shutdown value if not updated within this many seconds (0: never). */
    void setupMaxDuration(double maxDuration);

    void setupStartValue(boolean startValue, boolean shutdownValue);

    void setDigital(double printTime, boolean value);
}
