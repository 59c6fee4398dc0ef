/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.StatusProvider;

/** A kinematics (cartesian, corexy, delta, ...): maps toolhead positions to steppers. */
public interface Kinematics extends StatusProvider {

    /** The steppers this kinematics drives. */
    List<Stepper> getSteppers();

    /** The toolhead position from stepper positions keyed by stepper name. */
    double[] calcPosition(Map<String, Double> stepperPositions);

    /** Notes a new position; {@code homingAxes} lists the axes now homed. */
    void setPosition(double[] newpos, String homingAxes);

    /** Clears homed state of the given axes (e.g. on motor off). */
    void clearHomingState(String axes);

    /** Validates a move and limits its speed; throws the move's error if out of range. */
    void checkMove(ToolheadMove move);

    /** Homes the axes of a homing request. */
    void home(Homing homing);
}
