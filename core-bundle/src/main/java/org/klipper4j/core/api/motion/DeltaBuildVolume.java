/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;
import java.util.Map;

/**
 * The reachable space of a three-tower delta (linear or rotary) and whether it is
 * homed: a cylinder whose radius tapers above {@code limitZ} to nothing at
 * {@code maxZ}. All towers home together, so the printer is homed or not as a whole.
 * It remembers an XY radius within which later XY-only moves need no check.
 */
public final class DeltaBuildVolume {
    private final double maxXy2;
    private final double minZ;
    private final double maxZ;
    private final double limitZ;
    private final double[] homePosition;
    private boolean needHome = true;
    /** XY radius squared within which an XY move needs no check (-1: check every move). */
    private double uncheckedXy2 = -1.;

    /** {@code homePosition} is the effector {x, y, z} with all towers at their endstops. */
    public DeltaBuildVolume(double maxXy2, double minZ, double maxZ, double limitZ, double[] homePosition) {
        this.maxXy2 = maxXy2;
        this.minZ = minZ;
        this.maxZ = maxZ;
        this.limitZ = limitZ;
        this.homePosition = homePosition.clone();
    }

    public double maxXy2() {
        return maxXy2;
    }

    public double[] homePosition() {
        return homePosition.clone();
    }

    /** After a set position: homed once x, y and z were all homed. */
    public void positionSet(String homingAxes) {
        uncheckedXy2 = -1.;
        if (homingAxes.indexOf('x') >= 0 && homingAxes.indexOf('y') >= 0 && homingAxes.indexOf('z') >= 0) {
            needHome = false;
        }
    }

    /** The towers cannot be unhomed one axis at a time: any axis unhomes all. */
    public void clearHoming(String axes) {
        if (!axes.isEmpty()) {
            uncheckedXy2 = -1.;
            needHome = true;
        }
    }

    /** An XY-only move ending inside the radius already known to be good. */
    public boolean isKnownGood(ToolheadMove move) {
        double[] end = move.endPos();
        return end[0] * end[0] + end[1] * end[1] <= uncheckedXy2 && move.axesD()[2] == 0.;
    }

    /**
     * Rejects a move that ends out of reach (or before homing), except the homing
     * move up to the home position; returns the XY radius squared that is good at
     * the move's end height, -1 when nothing may be assumed.
     */
    public double checkReach(ToolheadMove move) {
        if (needHome) {
            throw move.moveError("Must home first");
        }
        double[] end = move.endPos();
        double endXy2 = end[0] * end[0] + end[1] * end[1];
        double endZ = end[2];
        double limit = maxXy2;
        if (endZ > limitZ) {
            // above limit_z the reachable radius shrinks toward the top
            double toTop = maxZ - endZ;
            limit = Math.min(limit, toTop * toTop);
        }
        if (endXy2 > limit || endZ > maxZ || endZ < minZ) {
            if (end[0] != homePosition[0] || end[1] != homePosition[1] || endZ < minZ || endZ > homePosition[2]) {
                throw move.moveError();
            }
            limit = -1.;
        }
        return limit;
    }

    /** Later XY-only moves ending within this XY radius squared skip the checks (-1: none do). */
    public void setKnownGoodXy2(double xy2) {
        uncheckedXy2 = xy2;
    }

    /** All towers home together: from {@code startZ} below the home position up to it. */
    public void homeAllTowers(Homing homing, List<Rail> rails, double startZ) {
        homing.setAxes(List.of(0, 1, 2));
        double[] forcepos = {homePosition[0], homePosition[1], startZ, Double.NaN};
        double[] movepos = {homePosition[0], homePosition[1], homePosition[2], Double.NaN};
        homing.homeRails(rails, forcepos, movepos);
    }

    /** The kinematics part of the toolhead status. */
    public Map<String, Object> status() {
        double maxXy = Math.sqrt(maxXy2);
        return Map.of("homed_axes", needHome ? "" : "xyz",
                "axis_minimum", List.of(-maxXy, -maxXy, minZ, 0.),
                "axis_maximum", List.of(maxXy, maxXy, maxZ, 0.));
    }
}
