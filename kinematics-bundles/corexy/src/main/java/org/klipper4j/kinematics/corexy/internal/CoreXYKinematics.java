/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.corexy.internal;

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
 * {@code kinematics: corexy}: two belt steppers move X and Y together
 * ({@code [stepper_x]} drives x+y, {@code [stepper_y]} drives x-y); each XY
 * endstop stops both belt steppers. Limits and homing are as cartesian.
 */
public final class CoreXYKinematics implements Kinematics {
    private static final String AXES = "xyz";

    private final List<Rail> rails = new ArrayList<>();
    private final double[] axesMin = new double[3];
    private final double[] axesMax = new double[3];
    /** Per axis [min, max]; min > max means not homed. */
    private final double[][] limits = {{1., -1.}, {1., -1.}, {1., -1.}};
    private final double maxZVelocity;
    private final double maxZAccel;

    public CoreXYKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        for (int i = 0; i < 3; i++) {
            char axis = AXES.charAt(i);
            Rail rail = motionQueuing.createRail(config.getSection("stepper_" + axis), true, null, false);
            for (int n = 1; n < 100 && config.hasSection("stepper_" + axis + n); n++) {
                rail.addExtraStepper(config.getSection("stepper_" + axis + n));
            }
            rails.add(rail);
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
        for (int i = 0; i < 3; i++) {
            rails.get(i).setTrapq(toolhead.getTrapq());
            double[] range = rails.get(i).getRange();
            axesMin[i] = range[0];
            axesMax[i] = range[1];
        }
        double[] maxV = toolhead.getMaxVelocity();
        maxZVelocity = config.getFloat("max_z_velocity", maxV[0], Bounds.above(0.).andMax(maxV[0]));
        maxZAccel = config.getFloat("max_z_accel", maxV[1], Bounds.above(0.).andMax(maxV[1]));
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
        return new double[] {0.5 * (pos[0] + pos[1]), 0.5 * (pos[0] - pos[1]), pos[2]};
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
        for (int axis : homing.getAxes()) {
            Rail rail = rails.get(axis);
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
