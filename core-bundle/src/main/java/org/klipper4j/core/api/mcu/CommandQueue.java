/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** An ordered command queue on one MCU: commands on one queue reach the MCU in order. */
public interface CommandQueue {
}
