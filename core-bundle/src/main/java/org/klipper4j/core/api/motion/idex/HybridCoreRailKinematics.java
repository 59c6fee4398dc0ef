/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.LinearStepperKinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * The Markforged-style kinematics {@code hybrid_corexy} and {@code hybrid_corexz}: Y and
 * Z are cartesian, the single {@code [stepper_x]} drives x minus the belt axis (Y or Z)
 * on a belt carried by that axis, so the belt axis's endstop must also stop it. An
 * optional {@code [dual_carriage]} adds a second X carriage whose stepper drives x plus
 * the belt axis.
 */
public abstract class HybridCoreRailKinematics extends DualCarriageRailKinematics {
    private final int beltAxis;

    /** @param beltAxis the axis that carries the X belt: 1 (Y, hybrid_corexy) or 2 (Z, hybrid_corexz) */
    protected HybridCoreRailKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            int beltAxis) {
        this(toolhead, config, motionQueuing, beltAxis,
                config.hasSection(SECTION) ? config.getSection(SECTION) : null);
    }

    private HybridCoreRailKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            int beltAxis, ConfigSection dcConfig) {
        super(buildRails(toolhead, config, motionQueuing, beltAxis, dcConfig), 0, dcConfig, toolhead, config);
        this.beltAxis = beltAxis;
    }

    private static List<Rail> buildRails(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing,
            int beltAxis, ConfigSection dcConfig) {
        if (beltAxis != 1 && beltAxis != 2) {
            throw new IllegalArgumentException("belt axis must be 1 (y) or 2 (z), not " + beltAxis);
        }
        double beltY = beltAxis == 1 ? 1. : 0.;
        double beltZ = beltAxis == 2 ? 1. : 0.;
        List<Rail> rails = new ArrayList<>();
        // the X rail has one stepper only (no [stepper_x1]), as in Klipper
        rails.add(motionQueuing.createRail(config.getSection("stepper_x"), true, null, false));
        rails.add(axisRail(motionQueuing, config, 'y'));
        rails.add(axisRail(motionQueuing, config, 'z'));
        Rail beltRail = rails.get(beltAxis);
        beltRail.getEndstops().get(0).endstop().addStepper(rails.get(0).getSteppers().get(0));
        rails.get(0).setStepperKinematics(s -> new LinearStepperKinematics(1., -beltY, -beltZ));
        rails.get(1).setStepperKinematics(s -> new LinearStepperKinematics(0., 1., 0.));
        rails.get(2).setStepperKinematics(s -> new LinearStepperKinematics(0., 0., 1.));
        if (dcConfig != null) {
            // only X can have a dual carriage here; the option is accepted for cartesian users
            dcConfig.getChoice("axis", Map.of("x", "x"), "x");
            Rail dc = motionQueuing.createRail(dcConfig, true, null, false);
            beltRail.getEndstops().get(0).endstop().addStepper(dc.getSteppers().get(0));
            dc.setStepperKinematics(s -> new LinearStepperKinematics(1., beltY, beltZ));
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
        double belt = beltAxis == 1 ? y : z;
        if (dualCarriageIsPrimary()) {
            // the dual carriage's stepper drives x plus the belt axis
            return new double[] {position(stepperPositions, dualCarriageRail()) - belt, y, z};
        }
        return new double[] {position(stepperPositions, rails().get(0)) + belt, y, z};
    }

    private static double position(Map<String, Double> stepperPositions, Rail rail) {
        Double p = stepperPositions.get(rail.getName());
        if (p == null) {
            throw new IllegalArgumentException("No position for stepper '" + rail.getName() + "'");
        }
        return p;
    }
}
