/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.util.List;

import org.klipper4j.core.api.reactor.Completion;

/** An endstop input used for homing and QUERY_ENDSTOPS (Klipper's MCU_endstop). */
public interface McuEndstop {
    Mcu getMcu();

    /** Adds a stepper that this endstop stops when it triggers. */
    void addStepper(Object stepper);

    List<Object> getSteppers();

    /** Starts homing; the completion fires when the endstop triggers (or homing ends). */
    Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
            boolean triggered);

    /** Ends homing; returns the trigger print time, or a negative value if it did not trigger. */
    double homeWait(double homeEndTime);

    /** True if the endstop reads triggered at {@code printTime}. */
    boolean queryEndstop(double printTime);

    /**
     * The axis position at which this endstop triggers when it knows it itself (a
     * probe's {@code z_virtual_endstop}: its z_offset), used as the default of the
     * rail's {@code position_endstop}; null for ordinary switches.
     */
    default Double getPositionEndstop() {
        return null;
    }
}
