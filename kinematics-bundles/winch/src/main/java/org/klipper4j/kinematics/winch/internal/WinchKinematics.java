/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.winch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.Trilateration;

/**
 * {@code kinematics: winch}: cables from anchors ({@code [stepper_a]} ...
 * {@code [stepper_z]}, at least three) to the toolhead. As in Klipper there is no
 * homing (G28 declares the current position 0,0,0) and no range check; the axis
 * range reported is the box spanned by the anchors.
 */
public final class WinchKinematics implements Kinematics {
    private final Toolhead toolhead;
    private final List<Stepper> steppers = new ArrayList<>();
    private final List<double[]> anchors = new ArrayList<>();

    public WinchKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        this.toolhead = toolhead;
        for (int i = 0; i < 26; i++) {
            String name = "stepper_" + (char) ('a' + i);
            if (i >= 3 && !config.hasSection(name)) {
                break;
            }
            ConfigSection sc = config.getSection(name);
            Stepper s = motionQueuing.createStepper(sc, false);
            double[] a = {sc.getFloat("anchor_x"), sc.getFloat("anchor_y"), sc.getFloat("anchor_z")};
            steppers.add(s);
            anchors.add(a);
            s.setStepperKinematics(new WinchStepperKinematics(a[0], a[1], a[2]));
            s.setTrapq(toolhead.getTrapq());
        }
        setPosition(new double[] {0., 0., 0.}, "");
    }

    @Override
    public List<Stepper> getSteppers() {
        return List.copyOf(steppers);
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        // the first three cables fix the position
        double[] r2 = new double[3];
        for (int i = 0; i < 3; i++) {
            Double p = stepperPositions.get(steppers.get(i).getName());
            if (p == null) {
                throw new ConfigException("No position for stepper '" + steppers.get(i).getName() + "'");
            }
            r2[i] = p * p;
        }
        return Trilateration.solve(new double[][] {anchors.get(0), anchors.get(1), anchors.get(2)}, r2);
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Stepper s : steppers) {
            s.setPosition(newpos[0], newpos[1], newpos[2]);
        }
    }

    @Override
    public void clearHomingState(String axes) {
        // a winch printer is always considered homed
    }

    @Override
    public void home(Homing homing) {
        // no homing hardware: the current position becomes the origin
        homing.setAxes(List.of(0, 1, 2));
        double[] pos = toolhead.getPosition();
        pos[0] = 0.;
        pos[1] = 0.;
        pos[2] = 0.;
        toolhead.setPosition(pos, "");
    }

    @Override
    public void checkMove(ToolheadMove move) {
        // Klipper checks neither range nor speed for winch moves
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] a : anchors) {
            for (int i = 0; i < 3; i++) {
                min[i] = Math.min(min[i], a[i]);
                max[i] = Math.max(max[i], a[i]);
            }
        }
        return Map.of("homed_axes", "xyz",
                "axis_minimum", List.of(min[0], min[1], min[2], 0.),
                "axis_maximum", List.of(max[0], max[1], max[2], 0.));
    }
}
