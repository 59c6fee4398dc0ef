/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.List;

/** Sends a chain's colours to its hardware. */
@FunctionalInterface
interface LedTransmitter {
    /**
     * @param state     one {red, green, blue, white} array (0..1) per LED of the chain
     * @param printTime when the colours should show, or null for as soon as possible
     */
    void update(List<double[]> state, Double printTime);
}
