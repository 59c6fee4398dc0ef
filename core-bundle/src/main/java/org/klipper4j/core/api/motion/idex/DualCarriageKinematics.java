/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Rail;

/** What {@link DualCarriages} needs from the kinematics it belongs to. */
public interface DualCarriageKinematics extends Kinematics {
    /** Sets the range of {@code axis} to [min, max], if the axis is homed (an unhomed axis stays unhomed). */
    void updateLimits(int axis, double[] range);

    /** Homes one rail of {@code axis} (toward its endstop from 1.5 rail lengths away). */
    void homeAxis(Homing homing, int axis, Rail rail);
}
