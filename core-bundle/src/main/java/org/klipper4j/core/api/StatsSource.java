/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/**
 * A printer object that contributes to the periodic {@code Stats} log line (Klipper's
 * {@code stats(eventtime)} method). The line is logged every second while at least one
 * contributor says it is active.
 */
public interface StatsSource {
    /**
     * @param active true if the object is busy (printing, heating, moving)
     * @param text   its part of the line, e.g. {@code "mcu: mcu_awake=0.004 ..."}
     */
    record Stats(boolean active, String text) {
    }

    Stats stats(double eventtime);
}
