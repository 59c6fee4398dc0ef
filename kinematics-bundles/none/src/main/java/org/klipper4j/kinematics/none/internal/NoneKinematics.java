/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.none.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.ToolheadMove;

/**
 * {@code kinematics: none}: a printer without motion axes (a test rig, a host for
 * extruder-only or heater-only setups). Every move is accepted, no axis homes,
 * and the reported position is always the origin.
 */
public final class NoneKinematics implements Kinematics {
    private static final List<Double> ORIGIN4 = List.of(0.0, 0.0, 0.0, 0.0);

    @Override
    public List<Stepper> getSteppers() {
        return List.of();
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        return new double[] {0.0, 0.0, 0.0};
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        // nothing to track: there are no axes
    }

    @Override
    public void clearHomingState(String axes) {
        // nothing is ever homed
    }

    @Override
    public void checkMove(ToolheadMove move) {
        // no limits without axes
    }

    @Override
    public void home(Homing homing) {
        // homing has no effect without axes
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("homed_axes", "", "axis_minimum", ORIGIN4, "axis_maximum", ORIGIN4);
    }
}
