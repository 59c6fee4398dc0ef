/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;

/**
 * {@code kinematics: polar}: a rotating bed ({@code [stepper_bed]}, radians), an
 * arm moving the toolhead away from the bed's centre ({@code [stepper_arm]}) and
 * Z. X and Y always home together (on the arm's endstop, ending at angle 0).
 */
public final class PolarKinematics implements Kinematics {
    private final Stepper bed;
    private final Rail arm;
    private final Rail z;
    private final double maxZVelocity;
    private final double maxZAccel;
    private final double maxXy;
    /** Bed rotation speed limit (radians/s); null for none. */
    private final Double maxAngularVelocity;
    private final double maxVelocity;
    private final double maxAccel;
    private double[] limitZ = {1., -1.};
    private double limitXy2 = -1.;

    public PolarKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        bed = motionQueuing.createStepper(config.getSection("stepper_bed"), true);
        arm = motionQueuing.createRail(config.getSection("stepper_arm"), true, null, false);
        z = motionQueuing.createRail(config.getSection("stepper_z"), true, null, false);
        for (int n = 1; config.hasSection("stepper_z" + n); n++) {
            z.addExtraStepper(config.getSection("stepper_z" + n));
        }
        bed.setStepperKinematics(new PolarAngleStepperKinematics());
        arm.setStepperKinematics(s -> new PolarRadiusStepperKinematics());
        z.setStepperKinematics(s -> new ZStepperKinematics());
        bed.setTrapq(toolhead.getTrapq());
        arm.setTrapq(toolhead.getTrapq());
        z.setTrapq(toolhead.getTrapq());
        double[] maxV = toolhead.getMaxVelocity();
        maxVelocity = maxV[0];
        maxAccel = maxV[1];
        maxZVelocity = config.getFloat("max_z_velocity", maxV[0], Bounds.above(0.).andMax(maxV[0]));
        maxZAccel = config.getFloat("max_z_accel", maxV[1], Bounds.above(0.).andMax(maxV[1]));
        maxXy = arm.getRange()[1];
        maxAngularVelocity = config.getFloat("max_angular_velocity", null, Bounds.above(0.));
    }

    @Override
    public List<Stepper> getSteppers() {
        List<Stepper> all = new ArrayList<>();
        all.add(bed);
        all.addAll(arm.getSteppers());
        all.addAll(z.getSteppers());
        return all;
    }

    private static double positionOf(Map<String, Double> stepperPositions, String name) {
        Double p = stepperPositions.get(name);
        if (p == null) {
            throw new ConfigException("No position for stepper '" + name + "'");
        }
        return p;
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double bedAngle = positionOf(stepperPositions, bed.getName());
        double armPos = positionOf(stepperPositions, arm.getName());
        double zPos = positionOf(stepperPositions, z.getName());
        return new double[] {Math.cos(bedAngle) * armPos, Math.sin(bedAngle) * armPos, zPos};
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Stepper s : getSteppers()) {
            s.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        if (homingAxes.indexOf('z') >= 0) {
            limitZ = z.getRange().clone();
        }
        if (homingAxes.indexOf('x') >= 0 && homingAxes.indexOf('y') >= 0) {
            limitXy2 = maxXy * maxXy;
        }
    }

    @Override
    public void clearHomingState(String axes) {
        // X and Y cannot be unhomed separately
        if (axes.indexOf('x') >= 0 || axes.indexOf('y') >= 0) {
            limitXy2 = -1.;
        }
        if (axes.indexOf('z') >= 0) {
            limitZ = new double[] {1., -1.};
        }
    }

    /** Homes one rail; homing the arm (axis 0) also sets the angle to 0 (Y = 0). */
    private static void homeAxis(Homing homing, int axis, Rail rail) {
        double[] range = rail.getRange();
        Rail.HomingInfo hi = rail.getHomingInfo();
        double[] homepos = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        homepos[axis] = hi.positionEndstop();
        if (axis == 0) {
            homepos[1] = 0.;
        }
        double[] forcepos = homepos.clone();
        if (hi.positiveDir()) {
            forcepos[axis] -= hi.positionEndstop() - range[0];
        } else {
            forcepos[axis] += range[1] - hi.positionEndstop();
        }
        homing.homeRails(List.of(rail), forcepos, homepos);
    }

    @Override
    public void home(Homing homing) {
        List<Integer> axes = homing.getAxes();
        boolean homeXy = axes.contains(0) || axes.contains(1);
        boolean homeZ = axes.contains(2);
        List<Integer> updated = new ArrayList<>();
        if (homeXy) {
            updated.add(0);
            updated.add(1);
        }
        if (homeZ) {
            updated.add(2);
        }
        homing.setAxes(updated);
        if (homeXy) {
            homeAxis(homing, 0, arm);
        }
        if (homeZ) {
            homeAxis(homing, 2, z);
        }
    }

    @Override
    public void checkMove(ToolheadMove move) {
        double[] end = move.endPos();
        double xy2 = end[0] * end[0] + end[1] * end[1];
        if (xy2 > limitXy2) {
            if (limitXy2 < 0.) {
                throw move.moveError("Must home axis first");
            }
            throw move.moveError();
        }
        double[] axesD = move.axesD();
        if (maxAngularVelocity != null && (axesD[0] != 0. || axesD[1] != 0.)) {
            limitAngularVelocity(move);
        }
        if (axesD[2] != 0.) {
            if (end[2] < limitZ[0] || end[2] > limitZ[1]) {
                if (limitZ[0] > limitZ[1]) {
                    throw move.moveError("Must home axis first");
                }
                throw move.moveError();
            }
            double zRatio = move.moveDistance() / Math.abs(axesD[2]);
            move.limitSpeed(maxZVelocity * zRatio, maxZAccel * zRatio);
        }
    }

    /**
     * Near the bed's centre a straight move makes the bed spin fast: at the move's
     * closest distance d from the centre the bed turns at up to v/d radians/s. When
     * that exceeds max_angular_velocity at the move's requested speed, the move's
     * speed and acceleration limits (the toolhead's maxima) are scaled down by the
     * excess. (Inferred from Klipper's output for example-polar.cfg: with
     * max_angular_velocity 5 and F6000, a move passing 1 mm from the centre runs at
     * 15 mm/s and 150 mm/s^2, one passing 2 mm away at 30 mm/s and 300 mm/s^2.)
     */
    private void limitAngularVelocity(ToolheadMove move) {
        double d = closestDistanceToCentre(move.startPos(), move.endPos());
        if (d <= 0.) {
            // a move from or through the very centre (the arm's homing move) has no finite bound
            return;
        }
        double speed = Math.sqrt(move.maxCruiseV2());
        double peak = speed / d;
        if (peak > maxAngularVelocity) {
            double scale = maxAngularVelocity / peak;
            move.limitSpeed(maxVelocity * scale, maxAccel * scale);
        }
    }

    /** The smallest XY distance from the origin of the segment start..end. */
    static double closestDistanceToCentre(double[] start, double[] end) {
        double dx = end[0] - start[0];
        double dy = end[1] - start[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 > 0. ? -(start[0] * dx + start[1] * dy) / len2 : 0.;
        t = Math.max(0., Math.min(1., t));
        return Math.hypot(start[0] + t * dx, start[1] + t * dy);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        String homed = (limitXy2 >= 0. ? "xy" : "") + (limitZ[0] <= limitZ[1] ? "z" : "");
        double[] zr = z.getRange();
        return Map.of("homed_axes", homed,
                "axis_minimum", List.of(-maxXy, -maxXy, zr[0], 0.),
                "axis_maximum", List.of(maxXy, maxXy, zr[1], 0.));
    }
}
