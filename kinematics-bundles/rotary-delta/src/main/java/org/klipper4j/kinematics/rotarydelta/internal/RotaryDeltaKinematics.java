/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.rotarydelta.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaCalibrationProvider;
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
    private static final String TOWERS = "abc";

    private final List<Rail> rails = new ArrayList<>();
    private final RotaryDeltaCalibration calibration;
    private final double maxZVelocity;
    private final double[] homePosition;
    private final double maxZ;
    private final double minZ;
    private final double limitZ;
    private final double maxXy2;
    private final double maxXy;
    private boolean needHome = true;
    private double limitXy2 = -1.;

    public RotaryDeltaKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        ConfigSection[] stepperConfigs = new ConfigSection[3];
        for (int i = 0; i < 3; i++) {
            stepperConfigs[i] = config.getSection("stepper_" + TOWERS.charAt(i));
        }
        Rail railA = motionQueuing.createRail(stepperConfigs[0], false, null, true);
        double aEndstop = railA.getHomingInfo().positionEndstop();
        rails.add(railA);
        rails.add(motionQueuing.createRail(stepperConfigs[1], false, aEndstop, true));
        rails.add(motionQueuing.createRail(stepperConfigs[2], false, aEndstop, true));
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
        double[] endstops = new double[3];
        double[] stepdists = new double[3];
        for (int i = 0; i < 3; i++) {
            endstops[i] = rails.get(i).getHomingInfo().positionEndstop();
            stepdists[i] = rails.get(i).getSteppers().get(0).getStepDist();
        }
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
        homePosition = calibration.actuatorToCartesian(endstopAngles);
        maxZ = Math.min(endstops[0], Math.min(endstops[1], endstops[2]));
        minZ = config.getFloat("minimum_z_position", 0., Bounds.max(maxZ));
        double minUa = Double.MAX_VALUE;
        double minLa = Double.MAX_VALUE;
        double lz = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            minUa = Math.min(minUa, shoulderRadius + upperArms[i]);
            minLa = Math.min(minLa, lowerArms[i] - shoulderRadius);
            lz = Math.min(lz, calibration.elbowCoord(i, endstopAngles[i])[2] - lowerArms[i]);
        }
        maxXy2 = Math.pow(Math.min(minUa, minLa), 2);
        limitZ = lz;
        LOG.info(String.format("Delta max build height %.2fmm (radius tapered above %.2fmm)", maxZ, limitZ));
        maxXy = Math.sqrt(maxXy2);
        setPosition(new double[] {0., 0., 0.}, "");
    }

    /** A required option with bounds (Klipper's getfloat without a default). */
    static double requiredFloat(ConfigSection config, String option, Bounds bounds) {
        return config.getFloat(option, config.getFloat(option), bounds);
    }

    @Override
    public List<Stepper> getSteppers() {
        List<Stepper> all = new ArrayList<>();
        for (Rail r : rails) {
            all.addAll(r.getSteppers());
        }
        return all;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double[] spos = new double[3];
        for (int i = 0; i < 3; i++) {
            Double p = stepperPositions.get(rails.get(i).getName());
            if (p == null) {
                throw new ConfigException("No position for stepper '" + rails.get(i).getName() + "'");
            }
            spos[i] = p;
        }
        return calibration.actuatorToCartesian(spos);
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Rail rail : rails) {
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        limitXy2 = -1.;
        if (homingAxes.indexOf('x') >= 0 && homingAxes.indexOf('y') >= 0 && homingAxes.indexOf('z') >= 0) {
            needHome = false;
        }
    }

    @Override
    public void clearHomingState(String axes) {
        // the arms cannot be unhomed one axis at a time
        if (!axes.isEmpty()) {
            limitXy2 = -1.;
            needHome = true;
        }
    }

    @Override
    public void home(Homing homing) {
        // all arms home together, starting from just below the bed
        homing.setAxes(List.of(0, 1, 2));
        double[] forcepos = {homePosition[0], homePosition[1], -1., Double.NaN};
        double[] movepos = {homePosition[0], homePosition[1], homePosition[2], Double.NaN};
        homing.homeRails(rails, forcepos, movepos);
    }

    @Override
    public void checkMove(ToolheadMove move) {
        double[] end = move.endPos();
        double[] axesD = move.axesD();
        double endXy2 = end[0] * end[0] + end[1] * end[1];
        if (endXy2 <= limitXy2 && axesD[2] == 0.) {
            return;
        }
        if (needHome) {
            throw move.moveError("Must home first");
        }
        double endZ = end[2];
        double limit = maxXy2;
        if (endZ > limitZ) {
            limit = Math.min(limit, Math.pow(maxZ - endZ, 2));
        }
        if (endXy2 > limit || endZ > maxZ || endZ < minZ) {
            // out of range, unless this is the homing move to the top
            if (end[0] != homePosition[0] || end[1] != homePosition[1] || endZ < minZ || endZ > homePosition[2]) {
                throw move.moveError();
            }
            limit = -1.;
        }
        if (axesD[2] != 0.) {
            move.limitSpeed(maxZVelocity, move.accel());
            limit = -1.;
        }
        limitXy2 = limit;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("homed_axes", needHome ? "" : "xyz",
                "axis_minimum", List.of(-maxXy, -maxXy, minZ, 0.),
                "axis_maximum", List.of(maxXy, maxXy, maxZ, 0.));
    }

    @Override
    public DeltaCalibration getCalibration() {
        return calibration;
    }
}
