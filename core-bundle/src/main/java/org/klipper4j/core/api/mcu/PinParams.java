/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/**
 * A parsed pin description such as {@code ^!mcu2:PA1}.
 *
 * @param chipName the chip (MCU name, or a virtual chip such as {@code probe})
 * @param pin      the pin name after alias resolution
 * @param invert   {@code !} was given
 * @param pullup   1 for {@code ^}, -1 for {@code ~}, 0 for none
 */
public record PinParams(String chipName, String pin, boolean invert, int pullup) {
}
