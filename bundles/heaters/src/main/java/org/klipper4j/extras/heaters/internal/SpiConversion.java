/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.List;

/** How one SPI temperature chip's raw reading maps to degrees, and what it must be told at start. */
interface SpiConversion {
    double calcTemp(long raw);

    long calcAdc(double temp);

    /** Bytes sent once to configure the chip; empty if it needs none. */
    byte[] initBytes();

    /** Klipper's texts for the set bits of a fault code. */
    List<String> faultMessages(int fault);
}
