/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import java.util.Map;

import org.klipper4j.core.api.motion.Stepper;

/** A carriage a {@code [stepper]} can reference in {@code carriages:}: an axis and the rail it homes on. */
interface Carriage {
    Map<String, Integer> AXIS_CHOICES = Map.of("x", 0, "y", 1, "z", 2);

    String getName();

    /** 0 = x, 1 = y, 2 = z. */
    int getAxis();

    CarriageRail getRail();

    /** Adds a stepper this carriage moves (to the rail it homes with). */
    void addStepper(Stepper stepper);

    /** The dual carriage paired with this one (or, for a dual carriage, its primary), or null. */
    default Carriage getDualCarriage() {
        return null;
    }
}
