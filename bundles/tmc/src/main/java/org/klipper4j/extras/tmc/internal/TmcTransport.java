/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.mcu.Mcu;

/** How a driver's registers are read and written (SPI, daisy-chained SPI, single-wire UART). */
interface TmcTransport {
    FieldHelper fields();

    Mcu mcu();

    /** Reads a register; 0 in batch mode, as Klipper's debug output. Throws CommandError on comms failure. */
    long getRegister(String reg);

    /** Writes a register, not before {@code printTime} when given (null: at once). */
    void setRegister(String reg, long value, Double printTime);

    default void setRegister(String reg, long value) {
        setRegister(reg, value, null);
    }

    /** The driver's clock (Hz) for TSTEP-based velocities; null if it has none. */
    Double tmcFrequency();
}
