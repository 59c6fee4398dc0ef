/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.deltesian.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.DeltaTowers;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kinematics: deltesian}: two pillars ({@code [stepper_left]},
 * {@code [stepper_right]}) move X and Z through arms, as a delta in the XZ plane;
 * {@code [stepper_y]} moves Y as on a cartesian printer. X and Z home together on
 * the pillars, Y on its own rail.
 */
public final class DeltesianKinematics implements Kinematics {
    private static final Logger LOG = LoggerFactory.getLogger(DeltesianKinematics.class);
    private static final double SLOW_RATIO = 3.;
    /** The smallest angle (degrees) the arms may make with the horizontal. */
    private static final double MIN_ANGLE = 5.;
    private static final String AXES = "xyz";

    private final List<Rail> rails = new ArrayList<>();
    private final double[] armX = new double[2];
    private final double[] arm2 = new double[2];
    private final double[][] limits = new double[3][];
    private final double[] absEndstops = new double[2];
    private final double homeZ;
    private final Double slowX2;
    private final Double verySlowX2;
    private final double maxVelocity;
    private final double maxAccel;
    private final double maxZVelocity;
    private final double maxZAccel;
    private final boolean[] homed = new boolean[3];

    public DeltesianKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        ConfigSection[] sc = {config.getSection("stepper_left"), config.getSection("stepper_right"),
            config.getSection("stepper_y")};
        rails.add(motionQueuing.createRail(sc[0], false, null, false));
        double defEndstop = rails.get(0).getHomingInfo().positionEndstop();
        rails.add(motionQueuing.createRail(sc[1], false, defEndstop, false));
        Rail railY = motionQueuing.createRail(sc[2], true, null, false);
        for (int n = 1; config.hasSection("stepper_y" + n); n++) {
            railY.addExtraStepper(config.getSection("stepper_y" + n));
        }
        rails.add(railY);
        armX[0] = requiredFloat(sc[0], "arm_x_length", Bounds.above(0.));
        armX[1] = sc[1].getFloat("arm_x_length", armX[0], Bounds.above(0.));
        double[] arm = new double[2];
        arm[0] = requiredFloat(sc[0], "arm_length", Bounds.above(armX[0]));
        arm[1] = sc[1].getFloat("arm_length", arm[0], Bounds.above(armX[1]));
        arm2[0] = arm[0] * arm[0];
        arm2[1] = arm[1] * arm[1];
        rails.get(0).setStepperKinematics(s -> new DeltesianStepperKinematics(arm2[0], -armX[0]));
        rails.get(1).setStepperKinematics(s -> new DeltesianStepperKinematics(arm2[1], armX[1]));
        railY.setStepperKinematics(s -> new YStepperKinematics());
        for (Rail r : rails) {
            r.setTrapq(toolhead.getTrapq());
        }
        // X range: where the arms stay above min_angle and within the pivots
        double minAngle = config.getFloat("min_angle", MIN_ANGLE, Bounds.range(0., 90.));
        double cosAngle = Math.cos(Math.toRadians(minAngle));
        double xKinMin = Math.ceil(-Math.min(armX[0], cosAngle * arm[1] - armX[1]));
        double xKinMax = Math.floor(Math.min(armX[1], cosAngle * arm[0] - armX[0]));
        double xKinRange = Math.min(xKinMax - xKinMin, Math.min(xKinMax * 2, -xKinMin * 2));
        Double printWidth = config.getFloat("print_width", null, Bounds.range(0., xKinRange));
        if (printWidth != null && printWidth != 0.) {
            limits[0] = new double[] {-printWidth * 0.5, printWidth * 0.5};
        } else {
            limits[0] = new double[] {xKinMin, xKinMax};
        }
        limits[1] = railY.getRange().clone();
        for (int i = 0; i < 2; i++) {
            absEndstops[i] = rails.get(i).getHomingInfo().positionEndstop() + Math.sqrt(arm2[i] - armX[i] * armX[i]);
        }
        homeZ = actuatorToCartesian(absEndstops)[1];
        double zMax = Math.min(pillarsZMax(limits[0][0]), pillarsZMax(limits[0][1]));
        double zMin = config.getFloat("minimum_z_position", 0., Bounds.max(zMax));
        limits[2] = new double[] {zMin, zMax};
        double slowRatio = config.getFloat("slow_ratio", SLOW_RATIO, Bounds.min(0.));
        if (slowRatio > 0.) {
            double sr2 = slowRatio * slowRatio;
            double slow = Double.MAX_VALUE;
            double verySlow = Double.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                slow = Math.min(slow, Math.sqrt(sr2 * arm2[i] / (sr2 + 1)) - armX[i]);
                verySlow = Math.min(verySlow, Math.sqrt(2 * sr2 * arm2[i] / (2 * sr2 + 1)) - armX[i]);
            }
            slowX2 = slow * slow;
            verySlowX2 = verySlow * verySlow;
            LOG.info(String.format("Deltesian kinematics: moves slowed past %.2fmm and %.2fmm", Math.sqrt(slowX2),
                    Math.sqrt(verySlowX2)));
        } else {
            slowX2 = null;
            verySlowX2 = null;
        }
        double[] maxV = toolhead.getMaxVelocity();
        maxVelocity = maxV[0];
        maxAccel = maxV[1];
        maxZVelocity = config.getFloat("max_z_velocity", maxVelocity, Bounds.above(0.).andMax(maxVelocity));
        maxZAccel = config.getFloat("max_z_accel", maxAccel, Bounds.above(0.).andMax(maxAccel));
        setPosition(new double[] {0., 0., 0.}, "");
    }

    static double requiredFloat(ConfigSection config, String option, Bounds bounds) {
        return config.getFloat(option, config.getFloat(option), bounds);
    }

    /** {x, z} of the effector for the two pillar carriage positions (trilateration in the XZ plane). */
    private double[] actuatorToCartesian(double[] sp) {
        double dx = armX[0] + armX[1];
        double dz = sp[1] - sp[0];
        double pivots = Math.sqrt(dx * dx + dz * dz);
        // in a frame along the line from the left to the right pivot
        double xt = (pivots * pivots + arm2[0] - arm2[1]) / (2 * pivots);
        double zt = Math.sqrt(arm2[0] - xt * xt);
        double x = xt * dx / pivots + zt * dz / pivots - armX[0];
        double z = xt * dz / pivots - zt * dx / pivots + sp[0];
        return new double[] {x, z};
    }

    /** The highest Z the effector reaches at {@code x} with both carriages below their endstops. */
    private double pillarsZMax(double x) {
        double dz0 = Math.sqrt(arm2[0] - Math.pow(armX[0] + x, 2));
        double dz1 = Math.sqrt(arm2[1] - Math.pow(armX[1] - x, 2));
        return Math.min(absEndstops[0] - dz0, absEndstops[1] - dz1);
    }

    @Override
    public List<Stepper> getSteppers() {
        return DeltaTowers.allSteppers(rails);
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double[] sp = DeltaTowers.railPositions(rails, stepperPositions);
        double[] xz = actuatorToCartesian(sp);
        return new double[] {xz[0], sp[2], xz[1]};
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Rail rail : rails) {
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        for (int i = 0; i < 3; i++) {
            if (homingAxes.indexOf(AXES.charAt(i)) >= 0) {
                homed[i] = true;
            }
        }
    }

    @Override
    public void clearHomingState(String axes) {
        for (int i = 0; i < 3; i++) {
            if (axes.indexOf(AXES.charAt(i)) >= 0) {
                homed[i] = false;
            }
        }
    }

    @Override
    public void home(Homing homing) {
        List<Integer> axes = homing.getAxes();
        boolean homeXz = axes.contains(0) || axes.contains(2);
        boolean homeY = axes.contains(1);
        List<Integer> changed = new ArrayList<>();
        if (homeXz) {
            changed.add(0);
            if (homeY) {
                changed.add(1);
            }
            changed.add(2);
        } else if (homeY) {
            changed.add(1);
        }
        homing.setAxes(changed);
        double[] homepos = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (homeXz) {
            // X and Z home together on the pillars, from far below
            homepos[0] = 0.;
            homepos[2] = homeZ;
            double[] forcepos = homepos.clone();
            double maxDz2 = Math.max(arm2[0] - armX[0] * armX[0], arm2[1] - armX[1] * armX[1]);
            forcepos[2] = -1.5 * Math.sqrt(maxDz2);
            homing.homeRails(rails.subList(0, 2), forcepos, homepos);
        }
        if (homeY) {
            Rail railY = rails.get(2);
            double[] range = railY.getRange();
            Rail.HomingInfo hi = railY.getHomingInfo();
            homepos[1] = hi.positionEndstop();
            double[] forcepos = homepos.clone();
            if (hi.positiveDir()) {
                forcepos[1] -= 1.5 * (hi.positionEndstop() - range[0]);
            } else {
                forcepos[1] += 1.5 * (range[1] - hi.positionEndstop());
            }
            homing.homeRails(List.of(railY), forcepos, homepos);
        }
    }

    @Override
    public void checkMove(ToolheadMove move) {
        double[] start = move.startPos();
        double[] end = move.endPos();
        double[] axesD = move.axesD();
        double zMax = limits[2][1];
        boolean homingMove = false;
        if (end[0] == 0. && end[2] == homeZ && axesD[1] == 0.) {
            homingMove = true;
        } else if (end[2] > zMax) {
            // at the very top the reachable height depends on X
            zMax = pillarsZMax(end[0]);
        }
        for (int i = 0; i < 3; i++) {
            if (axesD[i] == 0.) {
                continue;
            }
            if (!homed[i]) {
                throw move.moveError("Must home axis first");
            }
            double hi = i == 2 ? zMax : limits[i][1];
            if ((end[i] < limits[i][0] || end[i] > hi) && !homingMove) {
                throw move.moveError();
            }
        }
        if (axesD[2] != 0.) {
            double zRatio = move.moveDistance() / Math.abs(axesD[2]);
            move.limitSpeed(maxZVelocity * zRatio, maxZAccel * zRatio);
        }
        // slow moves at the extremes of the X axis
        if (axesD[0] != 0. && slowX2 != null && verySlowX2 != null && slowX2 != 0. && verySlowX2 != 0.) {
            double moveX2 = Math.max(start[0] * start[0], end[0] * end[0]);
            if (moveX2 > verySlowX2) {
                move.limitSpeed(maxVelocity * 0.25, maxAccel * 0.25);
            } else if (moveX2 > slowX2) {
                move.limitSpeed(maxVelocity * 0.5, maxAccel * 0.5);
            }
        }
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (homed[i]) {
                h.append(AXES.charAt(i));
            }
        }
        return Map.of("homed_axes", h.toString(),
                "axis_minimum", List.of(limits[0][0], limits[1][0], limits[2][0], 0.),
                "axis_maximum", List.of(limits[0][1], limits[1][1], limits[2][1], 0.));
    }
}
