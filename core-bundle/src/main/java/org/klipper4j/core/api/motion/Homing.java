/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;

/** A homing request (Klipper's Homing object), handed to {@link Kinematics#home}. */
public interface Homing {
    /** The axis indexes to home (0=x, 1=y, 2=z), in order. */
    List<Integer> getAxes();

    /**
     * Homes {@code rails}: sets the position to {@code forcepos} (NaN keeps an axis),
     * moves toward {@code movepos} until the endstops trigger, retracts and repeats
     * at the second homing speed when configured, then sets the homed position.
     */
    void homeRails(List<Rail> rails, double[] forcepos, double[] movepos);

    /** Marks axes as homed without moving (homing_override). */
    void setAxes(List<Integer> axes);
}
