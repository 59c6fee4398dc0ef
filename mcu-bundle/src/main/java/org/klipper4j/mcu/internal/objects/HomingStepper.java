/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import org.klipper4j.core.api.mcu.Mcu;

/**
 * What an endstop needs of a stepper it stops: the MCU and oid to arm
 * {@code stepper_stop_on_trigger} with, a name for error messages, and a note when homing ends.
 * The stepper implementation in this bundle implements it.
 */
public interface HomingStepper {
    Mcu getMcu();

    int getOid();

    /** The stepper's config name, e.g. {@code stepper_x}. */
    String getName();

    /** Homing has ended on the MCU: the stepper re-reads its position. */
    void noteHomingEnd();
}
