/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.rotarydelta.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaBuildVolume;
import org.klipper4j.core.api.motion.DeltaCalibrationProvider;
import org.klipper4j.core.api.motion.DeltaTowers;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kinematics: rotary_delta}: three shoulder motors ({@code [stepper_a]},
 * {@code _b}, {@code _c}, positions in radians) swing upper arms joined by lower
 * arms to the effector. All arms home together; moves are checked against a build
 * cylinder tapered near the top.
 */
public final class RotaryDeltaKinematics implements Kinematics, DeltaCalibrationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RotaryDeltaKinematics.class);

    private final List<Rail> rails;
    private final RotaryDeltaCalibration calibration;
    private final double maxZVelocity;
    private final DeltaBuildVolume volume;

    public RotaryDeltaKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        ConfigSection[] stepperConfigs = DeltaTowers.stepperSections(config);
        rails = DeltaTowers.createRails(motionQueuing, stepperConfigs, true);
        double maxVelocity = toolhead.getMaxVelocity()[0];
        maxZVelocity = config.getFloat("max_z_velocity", maxVelocity, Bounds.above(0.).andMax(maxVelocity));
        double shoulderRadius = requiredFloat(config, "shoulder_radius", Bounds.above(0.));
        double shoulderHeight = requiredFloat(config, "shoulder_height", Bounds.above(0.));
        double upperA = requiredFloat(stepperConfigs[0], "upper_arm_length", Bounds.above(0.));
        double[] upperArms = new double[3];
        for (int i = 0; i < 3; i++) {
            upperArms[i] = stepperConfigs[i].getFloat("upper_arm_length", upperA, Bounds.above(0.));
        }
        double lowerA = requiredFloat(stepperConfigs[0], "lower_arm_length", Bounds.above(0.));
        double[] lowerArms = new double[3];
        for (int i = 0; i < 3; i++) {
            lowerArms[i] = stepperConfigs[i].getFloat("lower_arm_length", lowerA, Bounds.above(0.));
        }
        double[] defaultAngles = {30., 150., 270.};
        double[] angles = new double[3];
        for (int i = 0; i < 3; i++) {
            angles[i] = stepperConfigs[i].getFloat("angle", defaultAngles[i]);
        }
        double[] endstops = DeltaTowers.positionEndstops(rails);
        double[] stepdists = DeltaTowers.stepDistances(rails);
        calibration = new RotaryDeltaCalibration(shoulderRadius, shoulderHeight, angles, upperArms, lowerArms,
                endstops, stepdists);
        for (int i = 0; i < 3; i++) {
            double angle = Math.toRadians(angles[i]);
            double ua = upperArms[i];
            double la = lowerArms[i];
            rails.get(i).setStepperKinematics(
                    s -> new RotaryDeltaStepperKinematics(shoulderRadius, shoulderHeight, angle, ua, la));
            rails.get(i).setTrapq(toolhead.getTrapq());
        }
        double[] endstopAngles = new double[3];
        for (int i = 0; i < 3; i++) {
            endstopAngles[i] = rails.get(i).getSteppers().get(0).calcPositionFromCoord(0., 0., endstops[i]);
        }
        double[] homePosition = calibration.actuatorToCartesian(endstopAngles);
        double maxZ = Math.min(endstops[0], Math.min(endstops[1], endstops[2]));
        double minZ = config.getFloat("minimum_z_position", 0., Bounds.max(maxZ));
        double minUa = Double.MAX_VALUE;
        double minLa = Double.MAX_VALUE;
        double lz = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            minUa = Math.min(minUa, shoulderRadius + upperArms[i]);
            minLa = Math.min(minLa, lowerArms[i] - shoulderRadius);
            lz = Math.min(lz, calibration.elbowCoord(i, endstopAngles[i])[2] - lowerArms[i]);
        }
        double maxXy2 = Math.pow(Math.min(minUa, minLa), 2);
        double limitZ = lz;
        LOG.info(String.format("Delta max build height %.2fmm (radius tapered above %.2fmm)", maxZ, limitZ));
        volume = new DeltaBuildVolume(maxXy2, minZ, maxZ, limitZ, homePosition);
        setPosition(new double[] {0., 0., 0.}, "");
    }

    /** A required option with bounds (Klipper's getfloat without a default). */
    static double requiredFloat(ConfigSection config, String option, Bounds bounds) {
        return config.getFloat(option, config.getFloat(option), bounds);
    }

    @Override
    public List<Stepper> getSteppers() {
        return DeltaTowers.allSteppers(rails);
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        return calibration.actuatorToCartesian(DeltaTowers.railPositions(rails, stepperPositions));
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Rail rail : rails) {
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        volume.positionSet(homingAxes);
    }

    @Override
    public void clearHomingState(String axes) {
        volume.clearHoming(axes);
    }

    @Override
    public void home(Homing homing) {
        // starting from just below the bed
        volume.homeAllTowers(homing, rails, -1.);
    }

    @Override
    public void checkMove(ToolheadMove move) {
        if (volume.isKnownGood(move)) {
            return;
        }
        double limit = volume.checkReach(move);
        if (move.axesD()[2] != 0.) {
            move.limitSpeed(maxZVelocity, move.accel());
            limit = -1.;
        }
        volume.setKnownGoodXy2(limit);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return volume.status();
    }

    @Override
    public DeltaCalibration getCalibration() {
        return calibration;
    }
}
