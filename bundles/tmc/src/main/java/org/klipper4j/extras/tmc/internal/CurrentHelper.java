/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

/** A family's run/hold current to register bits (IRUN/IHOLD with VSENSE, GLOBALSCALER or CS). */
interface CurrentHelper {
    /** The currents now set, as Klipper's get_current: run, hold (null if the driver has none), requested hold, maximum. */
    Currents getCurrent();

    /** Sets new currents, written at {@code printTime}. */
    void setCurrent(double runCurrent, double holdCurrent, double printTime);

    record Currents(double run, Double hold, Double requestedHold, double max) {
    }
}
