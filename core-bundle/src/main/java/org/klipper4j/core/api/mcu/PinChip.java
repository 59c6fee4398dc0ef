/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** A chip that can make pins into MCU objects (each MCU, or a virtual chip such as a probe). */
public interface PinChip {
    /**
     * Makes a pin object: {@code pinType} is {@code "digital_out"}, {@code "pwm"},
     * {@code "adc"}, {@code "endstop"} or another type the chip supports.
     */
    Object setupPin(String pinType, PinParams params);
}
