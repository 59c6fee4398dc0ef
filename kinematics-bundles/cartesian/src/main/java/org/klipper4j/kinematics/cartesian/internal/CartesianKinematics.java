/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

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
 * {@code kinematics: cartesian}: each of X, Y and Z has its own rail
 * ({@code [stepper_x]}, ... plus {@code [stepper_z1]}-style extra steppers),
 * Z moves are limited by max_z_velocity and max_z_accel.
 */
public final class CartesianKinematics implements Kinematics {
    private static final String AXES = "xyz";

    private final List<Rail> rails = new ArrayList<>();
    private final double[] axesMin = new double[3];
    private final double[] axesMax = new double[3];
    /** Per axis [min, max]; min > max means not homed. */
    private final double[][] limits = {{1., -1.}, {1., -1.}, {1., -1.}};
    private final double maxZVelocity;
    private final double maxZAccel;

    public CartesianKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        for (int i = 0; i < 3; i++) {
            char axis = AXES.charAt(i);
            ConfigSection sc = config.getSection("stepper_" + axis);
            Rail rail = motionQueuing.createRail(sc, true, null, false);
            // extra steppers of the same axis: stepper_z1, stepper_z2, ...
            for (int n = 1; n < 100; n++) {
                String extra = "stepper_" + axis + n;
                if (!config.hasSection(extra)) {
                    break;
                }
                rail.addExtraStepper(config.getSection(extra));
            }
            rail.setStepperKinematics(s -> new CartesianStepperKinematics(axis));
            rail.setTrapq(toolhead.getTrapq());
            double[] range = rail.getRange();
            axesMin[i] = range[0];
            axesMax[i] = range[1];
            rails.add(rail);
        }
        double[] maxV = toolhead.getMaxVelocity();
        maxZVelocity = boundedFloat(config, "max_z_velocity", maxV[0]);
        maxZAccel = boundedFloat(config, "max_z_accel", maxV[1]);
    }

    /** Klipper's {@code getfloat(name, default, above=0., maxval=default)}. */
    private static double boundedFloat(ConfigSection config, String option, double max) {
        return config.getFloat(option, max, Bounds.above(0.).andMax(max));
    }

    List<Rail> rails() {
        return rails;
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
        double[] pos = new double[3];
        for (int i = 0; i < 3; i++) {
            Double p = stepperPositions.get(rails.get(i).getName());
            if (p == null) {
                throw new ConfigException("No position for stepper '" + rails.get(i).getName() + "'");
            }
            pos[i] = p;
        }
        return pos;
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (int i = 0; i < 3; i++) {
            Rail rail = rails.get(i);
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
            if (homingAxes.indexOf(AXES.charAt(i)) >= 0) {
                double[] range = rail.getRange();
                limits[i][0] = range[0];
                limits[i][1] = range[1];
            }
        }
    }

    @Override
    public void clearHomingState(String axes) {
        for (int i = 0; i < 3; i++) {
            if (axes.indexOf(AXES.charAt(i)) >= 0) {
                limits[i][0] = 1.;
                limits[i][1] = -1.;
            }
        }
    }

    @Override
    public void home(Homing homing) {
        // each axis homes on its own, in order
        for (int axis : homing.getAxes()) {
            homeAxis(homing, axis, rails.get(axis));
        }
    }

    private void homeAxis(Homing homing, int axis, Rail rail) {
        double[] range = rail.getRange();
        Rail.HomingInfo hi = rail.getHomingInfo();
        double[] homepos = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        homepos[axis] = hi.positionEndstop();
        double[] forcepos = homepos.clone();
        if (hi.positiveDir()) {
            forcepos[axis] -= 1.5 * (hi.positionEndstop() - range[0]);
        } else {
            forcepos[axis] += 1.5 * (range[1] - hi.positionEndstop());
        }
        homing.homeRails(List.of(rail), forcepos, homepos);
    }

    private void checkEndstops(ToolheadMove move) {
        double[] end = move.endPos();
        double[] ad = move.axesD();
        for (int i = 0; i < 3; i++) {
            if (ad[i] != 0. && (end[i] < limits[i][0] || end[i] > limits[i][1])) {
                if (limits[i][0] > limits[i][1]) {
                    throw move.moveError("Must home axis first");
                }
                throw move.moveError();
            }
        }
    }

    @Override
    public void checkMove(ToolheadMove move) {
        double[] end = move.endPos();
        if (end[0] < limits[0][0] || end[0] > limits[0][1] || end[1] < limits[1][0] || end[1] > limits[1][1]) {
            checkEndstops(move);
        }
        double[] ad = move.axesD();
        if (ad[2] == 0.) {
            // an XY move keeps the toolhead's limits
            return;
        }
        checkEndstops(move);
        double zRatio = move.moveDistance() / Math.abs(ad[2]);
        move.limitSpeed(maxZVelocity * zRatio, maxZAccel * zRatio);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        StringBuilder homed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (limits[i][0] <= limits[i][1]) {
                homed.append(AXES.charAt(i));
            }
        }
        return Map.of("homed_axes", homed.toString(),
                "axis_minimum", List.of(axesMin[0], axesMin[1], axesMin[2], 0.),
                "axis_maximum", List.of(axesMax[0], axesMax[1], axesMax[2], 0.));
    }
}
