/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.idex.DualCarriageRailKinematics;

/**
 * {@code kinematics: cartesian}: each of X, Y and Z has its own rail
 * ({@code [stepper_x]}, ... plus {@code [stepper_z1]}-style extra steppers),
 * Z moves are limited by max_z_velocity and max_z_accel. An optional
 * {@code [dual_carriage]} adds a second carriage on X or Y.
 */
public final class CartesianKinematics extends DualCarriageRailKinematics {
    private static final String AXES = "xyz";

    public CartesianKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        this(toolhead, config, motionQueuing, dualCarriageSection(config));
    }

    private CartesianKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            ConfigSection dcConfig) {
        super(buildRails(toolhead, config, motionQueuing, dcConfig), dualCarriageAxis(dcConfig), dcConfig, toolhead,
                config);
    }

    private static ConfigSection dualCarriageSection(ConfigSection config) {
        return config.hasSection(SECTION) ? config.getSection(SECTION) : null;
    }

    private static int dualCarriageAxis(ConfigSection dcConfig) {
        if (dcConfig == null) {
            return -1;
        }
        return dcConfig.getChoice("axis", Map.of("x", 0, "y", 1), null);
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            ConfigSection dcConfig) {
        List<Rail> rails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            char axis = AXES.charAt(i);
            Rail rail = axisRail(motionQueuing, config, axis);
            rail.setStepperKinematics(s -> new CartesianStepperKinematics(axis));
            rails.add(rail);
        }
        if (dcConfig != null) {
            char axis = AXES.charAt(dualCarriageAxis(dcConfig));
            Rail rail = motionQueuing.createRail(dcConfig, true, null, false);
            for (int n = 1; config.hasSection(SECTION + n); n++) {
                rail.addExtraStepper(config.getSection(SECTION + n));
            }
            rail.setStepperKinematics(s -> new CartesianStepperKinematics(axis));
            rails.add(rail);
        }
        for (Rail rail : rails) {
            rail.setTrapq(toolhead.getTrapq());
        }
        return rails;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        return railPositions(stepperPositions);
    }
}
