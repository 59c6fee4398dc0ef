/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.hybridcorexy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.idex.DualCarriageRailKinematics;

/**
 * {@code kinematics: hybrid_corexy} (Markforged style): Y and Z are cartesian, the single
 * {@code [stepper_x]} drives x-y on a belt carried by y, so the y endstop
 * must also stop it. An optional {@code [dual_carriage]}
 * adds a second X carriage whose stepper drives x+y.
 */
public final class HybridCoreXYKinematics extends DualCarriageRailKinematics {

    public HybridCoreXYKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        this(toolhead, config, motionQueuing, config.hasSection(SECTION) ? config.getSection(SECTION) : null);
    }

    private HybridCoreXYKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            ConfigSection dcConfig) {
        super(buildRails(toolhead, config, motionQueuing, dcConfig), 0, dcConfig, toolhead, config);
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            ConfigSection dcConfig) {
        List<Rail> rails = new ArrayList<>();
        // the X rail has one stepper only (no [stepper_x1]), as in Klipper
        rails.add(motionQueuing.createRail(config.getSection("stepper_x"), true, null, false));
        rails.add(axisRail(motionQueuing, config, 'y'));
        rails.add(axisRail(motionQueuing, config, 'z'));
        rails.get(1).getEndstops().get(0).endstop().addStepper(rails.get(0).getSteppers().get(0));
        rails.get(0).setStepperKinematics(s -> new LinearStepperKinematics(1., -1., 0.));
        rails.get(1).setStepperKinematics(s -> new LinearStepperKinematics(0., 1., 0.));
        rails.get(2).setStepperKinematics(s -> new LinearStepperKinematics(0., 0., 1.));
        if (dcConfig != null) {
            // only X can have a dual carriage here; the option is accepted for cartesian users
            dcConfig.getChoice("axis", Map.of("x", "x"), "x");
            Rail dc = motionQueuing.createRail(dcConfig, true, null, false);
            rails.get(1).getEndstops().get(0).endstop().addStepper(dc.getSteppers().get(0));
            dc.setStepperKinematics(s -> new LinearStepperKinematics(1., 1., 0.));
            rails.add(dc);
        }
        for (Rail rail : rails) {
            rail.setTrapq(toolhead.getTrapq());
        }
        return rails;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double y = position(stepperPositions, rails().get(1));
        double z = position(stepperPositions, rails().get(2));
        if (dualCarriageIsPrimary()) {
            // the dual carriage's stepper drives x+y
            return new double[] {position(stepperPositions, dualCarriageRail()) - y, y, z};
        }
        return new double[] {position(stepperPositions, rails().get(0)) + y, y, z};
    }

    private static double position(Map<String, Double> stepperPositions, Rail rail) {
        Double p = stepperPositions.get(rail.getName());
        if (p == null) {
            throw new IllegalArgumentException("No position for stepper '" + rail.getName() + "'");
        }
        return p;
    }
}
