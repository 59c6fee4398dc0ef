/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexz.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.LinearStepperKinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.RailKinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * {@code kinematics: corexz}: two belt steppers move X and Z together
 * ({@code [stepper_x]} drives x+z, {@code [stepper_z]} drives x-z), Y is
 * cartesian; the X and Z endstops each stop both belt steppers.
 */
public final class CoreXZKinematics extends RailKinematics {

    public CoreXZKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        super(buildRails(toolhead, config, motionQueuing), toolhead, config);
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        List<Rail> rails = new ArrayList<>();
        for (char axis : new char[] {'x', 'y', 'z'}) {
            rails.add(axisRail(motionQueuing, config, axis));
        }
        // a belt's endstop must stop both belt steppers
        for (Stepper s : rails.get(0).getSteppers()) {
            rails.get(2).getEndstops().get(0).endstop().addStepper(s);
        }
        for (Stepper s : rails.get(2).getSteppers()) {
            rails.get(0).getEndstops().get(0).endstop().addStepper(s);
        }
        rails.get(0).setStepperKinematics(s -> new LinearStepperKinematics(1., 0., 1.));
        rails.get(1).setStepperKinematics(s -> new LinearStepperKinematics(0., 1., 0.));
        rails.get(2).setStepperKinematics(s -> new LinearStepperKinematics(1., 0., -1.));
        for (Rail rail : rails) {
            rail.setTrapq(toolhead.getTrapq());
        }
        return rails;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double[] p = railPositions(stepperPositions);
        return new double[] {0.5 * (p[0] + p[2]), p[1], 0.5 * (p[0] - p[2])};
    }
}
