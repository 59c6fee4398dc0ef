/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.RailKinematics;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * {@code kinematics: cartesian}: each of X, Y and Z has its own rail
 * ({@code [stepper_x]}, ... plus {@code [stepper_z1]}-style extra steppers),
 * Z moves are limited by max_z_velocity and max_z_accel.
 */
public final class CartesianKinematics extends RailKinematics {
    private static final String AXES = "xyz";

    public CartesianKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        super(buildRails(toolhead, config, motionQueuing), toolhead, config);
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        List<Rail> rails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            char axis = AXES.charAt(i);
            Rail rail = axisRail(motionQueuing, config, axis);
            rail.setStepperKinematics(s -> new CartesianStepperKinematics(axis));
            rail.setTrapq(toolhead.getTrapq());
            rails.add(rail);
        }
        return rails;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        return railPositions(stepperPositions);
    }
}
