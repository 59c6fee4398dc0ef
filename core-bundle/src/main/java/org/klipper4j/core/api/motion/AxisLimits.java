/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;
import java.util.Map;

/**
 * The homed range of the X, Y and Z rails, shared by the kinematics whose axes
 * each follow one rail (cartesian, corexy, ...): which axes are homed, Klipper's
 * "Must home axis first" / "Move out of range" checks, the homing move of one
 * rail, and the {@code homed_axes}/{@code axis_minimum}/{@code axis_maximum} status.
 */
public final class AxisLimits {
    private static final String AXES = "xyz";

    private final List<Rail> rails;
    /** Per axis [min, max]; min > max means not homed. */
    private final double[][] limits = {{1., -1.}, {1., -1.}, {1., -1.}};

    /** @param rails the X, Y and Z rails, in that order */
    public AxisLimits(List<Rail> rails) {
        if (rails.size() != 3) {
            throw new IllegalArgumentException("three rails (x, y, z) expected, got " + rails.size());
        }
        this.rails = List.copyOf(rails);
    }

    /** Marks the axes named in {@code homingAxes} (e.g. "xz") homed to their rail's range. */
    public void noteHomed(String homingAxes) {
        for (int i = 0; i < 3; i++) {
            if (homingAxes.indexOf(AXES.charAt(i)) >= 0) {
                double[] range = rails.get(i).getRange();
                limits[i][0] = range[0];
                limits[i][1] = range[1];
            }
        }
    }

    /** Marks one axis homed with the range [min, max] (the rail of a carriage now driven). */
    public void noteHomed(int axis, double[] range) {
        limits[axis][0] = range[0];
        limits[axis][1] = range[1];
    }

    /**
     * Sets the range of a homed axis (Klipper's update_limits, e.g. after a dual
     * carriage changed); an axis not homed stays not homed.
     */
    public void updateLimits(int axis, double[] range) {
        if (limits[axis][0] <= limits[axis][1]) {
            noteHomed(axis, range);
        }
    }

    /** The homed range [min, max] of an axis (min > max: not homed). */
    public double[] range(int axis) {
        return limits[axis].clone();
    }

    /** Marks the axes named in {@code axes} not homed. */
    public void clear(String axes) {
        for (int i = 0; i < 3; i++) {
            if (axes.indexOf(AXES.charAt(i)) >= 0) {
                limits[i][0] = 1.;
                limits[i][1] = -1.;
            }
        }
    }

    /** True if the move's end lies outside the homed X/Y range (worth a full check). */
    public boolean outsideXy(double[] end) {
        return end[0] < limits[0][0] || end[0] > limits[0][1] || end[1] < limits[1][0] || end[1] > limits[1][1];
    }

    /** Throws the move's error for an axis it moves that is unhomed or would leave its range. */
    public void checkEndstops(ToolheadMove move) {
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

    /**
     * Homes one axis on its rail as Klipper does: toward the endstop from 1.5 times
     * the rail's length away, then sets the axis to {@code position_endstop}.
     */
    public void homeAxis(Homing homing, int axis) {
        homeRail(homing, axis, rails.get(axis));
    }

    /** Homes {@code axis} on {@code rail} (e.g. one of its dual carriages), as {@link #homeAxis}. */
    public static void homeRail(Homing homing, int axis, Rail rail) {
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

    /** {@code homed_axes}, {@code axis_minimum} and {@code axis_maximum} for the status. */
    public Map<String, Object> status() {
        StringBuilder homed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (limits[i][0] <= limits[i][1]) {
                homed.append(AXES.charAt(i));
            }
        }
        double[] x = rails.get(0).getRange();
        double[] y = rails.get(1).getRange();
        double[] z = rails.get(2).getRange();
        return Map.of("homed_axes", homed.toString(),
                "axis_minimum", List.of(x[0], y[0], z[0], 0.),
                "axis_maximum", List.of(x[1], y[1], z[1], 0.));
    }
}
