/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.rotarydelta.internal;

import static org.klipper4j.core.api.motion.DeltaTowers.formatCalibrated;
import static org.klipper4j.core.api.motion.DeltaTowers.perTower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaTowers;
import org.klipper4j.core.api.motion.Trilateration;

/** The geometry of a rotary delta as DELTA_CALIBRATE sees it (Klipper's RotaryDeltaCalibration). */
public final class RotaryDeltaCalibration implements DeltaCalibration {
    private final double shoulderRadius;
    private final double shoulderHeight;
    private final double[] angles;
    private final double[] upperArms;
    private final double[] lowerArms;
    private final double[] endstops;
    private final double[] stepdists;
    private final RotaryDeltaStepperKinematics[] arms = new RotaryDeltaStepperKinematics[3];
    /** The arm angle at each tower's endstop. */
    private final double[] absEndstops = new double[3];

    /** Angles in degrees; endstops are the towers' position_endstop (mm); stepdists in radians per step. */
    public RotaryDeltaCalibration(double shoulderRadius, double shoulderHeight, double[] angles, double[] upperArms,
            double[] lowerArms, double[] endstops, double[] stepdists) {
        this.shoulderRadius = shoulderRadius;
        this.shoulderHeight = shoulderHeight;
        this.angles = angles.clone();
        this.upperArms = upperArms.clone();
        this.lowerArms = lowerArms.clone();
        this.endstops = endstops.clone();
        this.stepdists = stepdists.clone();
        for (int i = 0; i < 3; i++) {
            arms[i] = new RotaryDeltaStepperKinematics(shoulderRadius, shoulderHeight, Math.toRadians(angles[i]),
                    upperArms[i], lowerArms[i]);
            absEndstops[i] = arms[i].armAngle(0., 0., endstops[i]);
        }
    }

    /** The arm angle of tower {@code i} for an effector position. */
    double armAngle(int i, double x, double y, double z) {
        return arms[i].armAngle(x, y, z);
    }

    /** The elbow position of tower {@code i} for an upper arm angle (radians). */
    double[] elbowCoord(int i, double armAngle) {
        double sjElbowX = upperArms[i] * Math.cos(armAngle);
        double sjElbowY = upperArms[i] * Math.sin(armAngle);
        double angle = Math.toRadians(angles[i]);
        return new double[] {(sjElbowX + shoulderRadius) * Math.cos(angle),
                (sjElbowX + shoulderRadius) * Math.sin(angle), sjElbowY + shoulderHeight};
    }

    /** The effector position for the three arm angles. */
    double[] actuatorToCartesian(double[] armAngles) {
        double[][] spheres = new double[3][];
        double[] lower2 = new double[3];
        for (int i = 0; i < 3; i++) {
            spheres[i] = elbowCoord(i, armAngles[i]);
            lower2[i] = lowerArms[i] * lowerArms[i];
        }
        return Trilateration.solve(spheres, lower2);
    }

    @Override
    public List<String> adjustableParams(boolean extended) {
        List<String> names = new ArrayList<>(List.of("shoulder_height", "endstop_a", "endstop_b", "endstop_c"));
        if (extended) {
            names.addAll(List.of("shoulder_radius", "angle_a", "angle_b"));
        }
        return names;
    }

    @Override
    public Map<String, Double> params() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("shoulder_radius", shoulderRadius);
        p.put("shoulder_height", shoulderHeight);
        for (int i = 0; i < 3; i++) {
            char t = DeltaTowers.LETTERS.charAt(i);
            p.put("angle_" + t, angles[i]);
            p.put("upper_arm_" + t, upperArms[i]);
            p.put("lower_arm_" + t, lowerArms[i]);
            p.put("endstop_" + t, endstops[i]);
            p.put("stepdist_" + t, stepdists[i]);
        }
        return p;
    }

    @Override
    public DeltaCalibration withParams(Map<String, Double> p) {
        return new RotaryDeltaCalibration(p.get("shoulder_radius"), p.get("shoulder_height"), perTower(p, "angle_"),
                perTower(p, "upper_arm_"), perTower(p, "lower_arm_"), perTower(p, "endstop_"),
                perTower(p, "stepdist_"));
    }

    @Override
    public double[] positionFromStable(double[] stablePosition) {
        double[] spos = new double[3];
        for (int i = 0; i < 3; i++) {
            spos[i] = absEndstops[i] - stablePosition[i] * stepdists[i];
        }
        return actuatorToCartesian(spos);
    }

    @Override
    public double[] stablePosition(double[] coord) {
        double[] res = new double[3];
        for (int i = 0; i < 3; i++) {
            res[i] = (absEndstops[i] - arms[i].armAngle(coord[0], coord[1], coord[2])) / stepdists[i];
        }
        return res;
    }

    @Override
    public Map<String, Map<String, String>> savedOptions() {
        Map<String, Map<String, String>> s = new LinkedHashMap<>();
        Map<String, String> printer = new LinkedHashMap<>();
        printer.put("shoulder_radius", formatCalibrated(shoulderRadius));
        printer.put("shoulder_height", formatCalibrated(shoulderHeight));
        s.put("printer", printer);
        for (int i = 0; i < 3; i++) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("angle", formatCalibrated(angles[i]));
            o.put("position_endstop", formatCalibrated(endstops[i]));
            s.put(DeltaTowers.stepperSectionName(i), o);
        }
        return s;
    }

    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(DeltaTowers.stepperSectionName(i))
                    .append(": position_endstop: ").append(formatCalibrated(endstops[i]))
                    .append(" angle: ").append(formatCalibrated(angles[i])).append('\n');
        }
        return sb.append("shoulder_radius: ").append(formatCalibrated(shoulderRadius)).append(" shoulder_height: ")
                .append(formatCalibrated(shoulderHeight)).toString();
    }
}
