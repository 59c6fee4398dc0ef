/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.delta.internal;

import static org.klipper4j.core.api.motion.DeltaTowers.formatCalibrated;
import static org.klipper4j.core.api.motion.DeltaTowers.perTower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaTowers;
import org.klipper4j.core.api.motion.Trilateration;

/** The geometry of a linear delta as DELTA_CALIBRATE sees it (Klipper's DeltaCalibration). */
public final class LinearDeltaCalibration implements DeltaCalibration {
    private final double radius;
    private final double[] angles;
    private final double[] arms;
    private final double[] endstops;
    private final double[] stepdists;
    private final double[][] towers = new double[3][];
    private final double[] absEndstops = new double[3];

    /** Angles in degrees; endstops are the towers' position_endstop; stepdists in mm per step. */
    public LinearDeltaCalibration(double radius, double[] angles, double[] arms, double[] endstops,
            double[] stepdists) {
        this.radius = radius;
        this.angles = angles.clone();
        this.arms = arms.clone();
        this.endstops = endstops.clone();
        this.stepdists = stepdists.clone();
        for (int i = 0; i < 3; i++) {
            double a = Math.toRadians(angles[i]);
            towers[i] = new double[] {Math.cos(a) * radius, Math.sin(a) * radius};
            // the carriage height at the endstop when the effector is at the centre
            absEndstops[i] = endstops[i] + Math.sqrt(arms[i] * arms[i] - radius * radius);
        }
    }

    @Override
    public List<String> adjustableParams(boolean extended) {
        List<String> names = new ArrayList<>(List.of("radius", "angle_a", "angle_b", "endstop_a", "endstop_b",
                "endstop_c"));
        if (extended) {
            names.addAll(List.of("arm_a", "arm_b", "arm_c"));
        }
        return names;
    }

    @Override
    public Map<String, Double> params() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("radius", radius);
        for (int i = 0; i < 3; i++) {
            char t = DeltaTowers.LETTERS.charAt(i);
            p.put("angle_" + t, angles[i]);
            p.put("arm_" + t, arms[i]);
            p.put("endstop_" + t, endstops[i]);
            p.put("stepdist_" + t, stepdists[i]);
        }
        return p;
    }

    @Override
    public DeltaCalibration withParams(Map<String, Double> p) {
        return new LinearDeltaCalibration(p.get("radius"), perTower(p, "angle_"), perTower(p, "arm_"),
                perTower(p, "endstop_"), perTower(p, "stepdist_"));
    }

    @Override
    public double[] positionFromStable(double[] stablePosition) {
        double[][] spheres = new double[3][];
        double[] arm2 = new double[3];
        for (int i = 0; i < 3; i++) {
            spheres[i] = new double[] {towers[i][0], towers[i][1], absEndstops[i] - stablePosition[i] * stepdists[i]};
            arm2[i] = arms[i] * arms[i];
        }
        return Trilateration.solve(spheres, arm2);
    }

    @Override
    public double[] stablePosition(double[] coord) {
        double[] res = new double[3];
        for (int i = 0; i < 3; i++) {
            double dx = towers[i][0] - coord[0];
            double dy = towers[i][1] - coord[1];
            double carriage = Math.sqrt(arms[i] * arms[i] - dx * dx - dy * dy) + coord[2];
            res[i] = (absEndstops[i] - carriage) / stepdists[i];
        }
        return res;
    }

    @Override
    public Map<String, Map<String, String>> savedOptions() {
        Map<String, Map<String, String>> s = new LinkedHashMap<>();
        s.put("printer", Map.of("delta_radius", formatCalibrated(radius)));
        for (int i = 0; i < 3; i++) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("angle", formatCalibrated(angles[i]));
            o.put("arm_length", formatCalibrated(arms[i]));
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
                    .append(" angle: ").append(formatCalibrated(angles[i]))
                    .append(" arm_length: ").append(formatCalibrated(arms[i]))
                    .append('\n');
        }
        return sb.append("delta_radius: ").append(formatCalibrated(radius)).toString();
    }
}
