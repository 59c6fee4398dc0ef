/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.RailKinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * {@code kinematics: corexy}: two belt steppers move X and Y together
 * ({@code [stepper_x]} drives x+y, {@code [stepper_y]} drives x-y); each XY
 * endstop stops both belt steppers. Limits and homing are as cartesian.
 */
public final class CoreXYKinematics extends RailKinematics {

    public CoreXYKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        super(buildRails(toolhead, config, motionQueuing), toolhead, config);
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        List<Rail> rails = new ArrayList<>();
        for (char axis : new char[] {'x', 'y', 'z'}) {
            rails.add(axisRail(motionQueuing, config, axis));
        }
        // a belt's endstop must stop both belt steppers
        for (Stepper s : rails.get(1).getSteppers()) {
            rails.get(0).getEndstops().get(0).endstop().addStepper(s);
        }
        for (Stepper s : rails.get(0).getSteppers()) {
            rails.get(1).getEndstops().get(0).endstop().addStepper(s);
        }
        rails.get(0).setStepperKinematics(s -> new CoreXYStepperKinematics(true));
        rails.get(1).setStepperKinematics(s -> new CoreXYStepperKinematics(false));
        rails.get(2).setStepperKinematics(s -> new ZStepperKinematics());
        for (Rail rail : rails) {
            rail.setTrapq(toolhead.getTrapq());
        }
        return rails;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double[] belts = railPositions(stepperPositions);
        return new double[] {0.5 * (belts[0] + belts[1]), 0.5 * (belts[0] - belts[1]), belts[2]};
    }
}
