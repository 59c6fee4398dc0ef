/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.AxisLimits;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.RailKinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * A rail kinematics (cartesian, hybrid_corexy, hybrid_corexz) with an optional
 * {@code [dual_carriage]}: a second carriage on X (or Y) whose rail comes after
 * the X, Y and Z rails. Without that section it behaves as {@link RailKinematics}.
 */
public abstract class DualCarriageRailKinematics extends RailKinematics implements DualCarriageKinematics {
    /** The section that adds the second carriage. */
    public static final String SECTION = "dual_carriage";

    private final Rail dualCarriageRail;
    private final int dualCarriageAxis;
    private final DualCarriages dualCarriages;

    /**
     * @param rails the X, Y and Z rails and, when there is a dual carriage, its rail as
     *        the fourth; every one set up with its stepper kinematics
     * @param dualCarriageAxis the axis of the dual carriage (0 or 1), ignored without one
     * @param dualCarriageConfig the {@code [dual_carriage]} section, or null
     */
    protected DualCarriageRailKinematics(List<Rail> rails, int dualCarriageAxis, ConfigSection dualCarriageConfig,
            Toolhead toolhead, ConfigSection printerConfig) {
        super(rails.subList(0, 3), toolhead, printerConfig);
        if (rails.size() > 3) {
            dualCarriageRail = rails.get(3);
            this.dualCarriageAxis = dualCarriageAxis;
            Double safe = dualCarriageConfig.getFloat("safe_distance", null, Bounds.min(0.));
            List<Rail> dual = new ArrayList<>();
            dual.add(dualCarriageRail);
            List<Double> safeDistances = new ArrayList<>();
            safeDistances.add(safe);
            dualCarriages = new DualCarriages(printerConfig.getPrinter(), List.of(rails.get(dualCarriageAxis)), dual,
                    List.of(dualCarriageAxis), safeDistances);
        } else {
            dualCarriageRail = null;
            this.dualCarriageAxis = -1;
            dualCarriages = null;
        }
    }

    /** The dual carriage's rail, or null. */
    protected Rail dualCarriageRail() {
        return dualCarriageRail;
    }

    /** The dual carriage module, or null without a dual carriage. */
    public DualCarriages dualCarriages() {
        return dualCarriages;
    }

    /** True if the {@code [dual_carriage]} carriage is the one the toolhead drives. */
    protected boolean dualCarriageIsPrimary() {
        return dualCarriages != null && dualCarriages.getPrimaryRail(dualCarriageAxis) == dualCarriageRail;
    }

    /** The rail the toolhead drives on {@code axis}. */
    protected Rail activeRail(int axis) {
        if (dualCarriages != null && axis == dualCarriageAxis) {
            Rail primary = dualCarriages.getPrimaryRail(axis);
            if (primary != null) {
                return primary;
            }
        }
        return rails().get(axis);
    }

    /** The stepper position of the rail the toolhead drives on each axis. */
    @Override
    protected double[] railPositions(Map<String, Double> stepperPositions) {
        double[] pos = new double[3];
        for (int i = 0; i < 3; i++) {
            String name = activeRail(i).getName();
            Double p = stepperPositions.get(name);
            if (p == null) {
                throw new ConfigException("No position for stepper '" + name + "'");
            }
            pos[i] = p;
        }
        return pos;
    }

    @Override
    public List<Stepper> getSteppers() {
        List<Stepper> all = new ArrayList<>(super.getSteppers());
        if (dualCarriageRail != null) {
            all.addAll(dualCarriageRail.getSteppers());
        }
        return all;
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Rail rail : rails()) {
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        if (dualCarriageRail != null) {
            dualCarriageRail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        AxisLimits limits = axisLimits();
        for (int axis = 0; axis < 3; axis++) {
            if (homingAxes.indexOf("xyz".charAt(axis)) >= 0) {
                limits.noteHomed(axis, activeRail(axis).getRange());
            }
        }
    }

    @Override
    public void home(Homing homing) {
        for (int axis : homing.getAxes()) {
            if (dualCarriages != null && axis == dualCarriageAxis) {
                dualCarriages.home(homing, axis);
            } else {
                homeAxis(homing, axis, rails().get(axis));
            }
        }
    }

    @Override
    public void homeAxis(Homing homing, int axis, Rail rail) {
        AxisLimits.homeRail(homing, axis, rail);
    }

    @Override
    public void updateLimits(int axis, double[] range) {
        axisLimits().updateLimits(axis, range);
    }
}
