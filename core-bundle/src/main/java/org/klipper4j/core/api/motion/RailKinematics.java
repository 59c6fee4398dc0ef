/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/**
 * Base of the kinematics whose X, Y and Z each home on one rail (cartesian,
 * corexy, corexz, ...): positions, homing, range checks, Z speed limits
 * ({@code max_z_velocity}, {@code max_z_accel}) and status are the same for all;
 * a subclass builds its rails and says how stepper positions map to X, Y, Z.
 */
public abstract class RailKinematics implements Kinematics {
    private final List<Rail> rails;
    private final AxisLimits limits;
    private final double maxZVelocity;
    private final double maxZAccel;

    /** @param rails the X, Y and Z rails, set up with their stepper kinematics and trapq */
    protected RailKinematics(List<Rail> rails, Toolhead toolhead, ConfigSection printerConfig) {
        this.rails = List.copyOf(rails);
        this.limits = new AxisLimits(this.rails);
        double[] maxV = toolhead.getMaxVelocity();
        maxZVelocity = printerConfig.getFloat("max_z_velocity", maxV[0], Bounds.above(0.).andMax(maxV[0]));
        maxZAccel = printerConfig.getFloat("max_z_accel", maxV[1], Bounds.above(0.).andMax(maxV[1]));
    }

    /**
     * The rail of one axis from {@code [stepper_<axis>]}, with the extra steppers of
     * {@code [stepper_<axis>1]}, {@code [stepper_<axis>2]}, ... as Klipper's rails have.
     */
    protected static Rail axisRail(MotionQueuing motionQueuing, ConfigSection printerConfig, char axis) {
        String name = "stepper_" + axis;
        Rail rail = motionQueuing.createRail(printerConfig.getSection(name), true, null, false);
        for (int n = 1; printerConfig.hasSection(name + n); n++) {
            rail.addExtraStepper(printerConfig.getSection(name + n));
        }
        return rail;
    }

    /** The homed ranges of X, Y and Z. */
    protected AxisLimits axisLimits() {
        return limits;
    }

    /** The X, Y and Z rails. */
    public List<Rail> rails() {
        return rails;
    }

    /** The commanded positions of the X, Y and Z rails (by their first stepper's name), in that order. */
    protected double[] railPositions(Map<String, Double> stepperPositions) {
        double[] pos = new double[3];
        for (int i = 0; i < 3; i++) {
            String name = rails.get(i).getName();
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
        List<Stepper> all = new ArrayList<>();
        for (Rail r : rails) {
            all.addAll(r.getSteppers());
        }
        return all;
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Rail rail : rails) {
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        limits.noteHomed(homingAxes);
    }

    @Override
    public void clearHomingState(String axes) {
        limits.clear(axes);
    }

    @Override
    public void home(Homing homing) {
        // each axis homes on its own, in order
        for (int axis : homing.getAxes()) {
            limits.homeAxis(homing, axis);
        }
    }

    @Override
    public void checkMove(ToolheadMove move) {
        if (limits.outsideXy(move.endPos())) {
            limits.checkEndstops(move);
        }
        double[] ad = move.axesD();
        if (ad[2] == 0.) {
            // an XY move keeps the toolhead's limits
            return;
        }
        limits.checkEndstops(move);
        double zRatio = move.moveDistance() / Math.abs(ad[2]);
        move.limitSpeed(maxZVelocity * zRatio, maxZAccel * zRatio);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return limits.status();
    }
}
