/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.hybridcorexz.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.RailKinematics;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * {@code kinematics: hybrid_corexz} (Markforged style): Y and Z are cartesian, the single
 * {@code [stepper_x]} drives x-z on a belt carried by z, so the z endstop
 * must also stop it. No {@code [dual_carriage]} support.
 */
public final class HybridCoreXZKinematics extends RailKinematics {

    public HybridCoreXZKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        super(buildRails(toolhead, config, motionQueuing), toolhead, config);
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        List<Rail> rails = new ArrayList<>();
        // the X rail has one stepper only (no [stepper_x1]), as in Klipper
        rails.add(motionQueuing.createRail(config.getSection("stepper_x"), true, null, false));
        rails.add(axisRail(motionQueuing, config, 'y'));
        rails.add(axisRail(motionQueuing, config, 'z'));
        rails.get(2).getEndstops().get(0).endstop().addStepper(rails.get(0).getSteppers().get(0));
        rails.get(0).setStepperKinematics(s -> new LinearStepperKinematics(1., 0., -1.));
        rails.get(1).setStepperKinematics(s -> new LinearStepperKinematics(0., 1., 0.));
        rails.get(2).setStepperKinematics(s -> new LinearStepperKinematics(0., 0., 1.));
        for (Rail rail : rails) {
            rail.setTrapq(toolhead.getTrapq());
        }
        return rails;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double[] p = railPositions(stepperPositions);
        return new double[] {p[0] + p[2], p[1], p[2]};
    }
}
