/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.delta.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaBuildVolume;
import org.klipper4j.core.api.motion.DeltaCalibrationProvider;
import org.klipper4j.core.api.motion.DeltaTowers;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.Trilateration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kinematics: delta}: three towers ({@code [stepper_a]}, {@code _b},
 * {@code _c}) whose carriages hold arms to the effector. All towers home together;
 * moves are checked against a build cylinder tapered near the top, and moves far
 * from the centre (where the towers move much faster than the effector) are slowed.
 */
public final class DeltaKinematics implements Kinematics, DeltaCalibrationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaKinematics.class);
    /** Moves are slowed once tower movement exceeds this multiple of the XY movement. */
    private static final double SLOW_RATIO = 3.;

    private final List<Rail> rails;
    private final double maxVelocity;
    private final double maxAccel;
    private final double maxZVelocity;
    private final double maxZAccel;
    private final double radius;
    /** Height above which the reachable radius tapers (Klipper's limit_z, reported as cone_start_z). */
    private final double coneStartZ;
    private final double[] armLengths = new double[3];
    private final double[] arm2 = new double[3];
    private final double[] angles = new double[3];
    private final double[][] towers = new double[3][];
    private final DeltaBuildVolume volume;
    private final double slowXy2;
    private final double verySlowXy2;

    public DeltaKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        ConfigSection[] stepperConfigs = DeltaTowers.stepperSections(config);
        rails = DeltaTowers.createRails(motionQueuing, stepperConfigs, false);
        double[] maxV = toolhead.getMaxVelocity();
        maxVelocity = maxV[0];
        maxAccel = maxV[1];
        maxZVelocity = config.getFloat("max_z_velocity", maxVelocity, Bounds.above(0.).andMax(maxVelocity));
        maxZAccel = config.getFloat("max_z_accel", maxAccel, Bounds.above(0.).andMax(maxAccel));
        radius = requiredFloat(config, "delta_radius", Bounds.above(0.));
        double printRadius = config.getFloat("print_radius", radius, Bounds.above(0.));
        double armLengthA = requiredFloat(stepperConfigs[0], "arm_length", Bounds.above(radius));
        double[] defaultAngles = {210., 330., 90.};
        double[] absEndstops = new double[3];
        for (int i = 0; i < 3; i++) {
            armLengths[i] = stepperConfigs[i].getFloat("arm_length", armLengthA, Bounds.above(radius));
            arm2[i] = armLengths[i] * armLengths[i];
            absEndstops[i] = rails.get(i).getHomingInfo().positionEndstop() + Math.sqrt(arm2[i] - radius * radius);
        }
        for (int i = 0; i < 3; i++) {
            angles[i] = stepperConfigs[i].getFloat("angle", defaultAngles[i]);
            double a = Math.toRadians(angles[i]);
            towers[i] = new double[] {Math.cos(a) * radius, Math.sin(a) * radius};
        }
        for (int i = 0; i < 3; i++) {
            DeltaStepperKinematics sk = new DeltaStepperKinematics(arm2[i], towers[i][0], towers[i][1]);
            rails.get(i).setStepperKinematics(s -> sk);
            rails.get(i).setTrapq(toolhead.getTrapq());
        }
        double[] homePosition = actuatorToCartesian(absEndstops);
        double mz = Double.MAX_VALUE;
        double lz = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            mz = Math.min(mz, rails.get(i).getHomingInfo().positionEndstop());
            lz = Math.min(lz, absEndstops[i] - armLengths[i]);
        }
        double maxZ = mz;
        double limitZ = lz;
        coneStartZ = limitZ;
        double minZ = config.getFloat("minimum_z_position", 0., Bounds.max(maxZ));
        LOG.info(String.format("Delta max build height %.2fmm (radius tapered above %.2fmm)", maxZ, limitZ));
        // where an XY move could make the towers move much faster than the effector
        double halfMinStepDist = Double.MAX_VALUE;
        for (Rail r : rails) {
            halfMinStepDist = Math.min(halfMinStepDist, r.getSteppers().get(0).getStepDist() * .5);
        }
        double minArm = Math.min(armLengths[0], Math.min(armLengths[1], armLengths[2]));
        slowXy2 = square(ratioToXy(SLOW_RATIO, minArm, halfMinStepDist));
        verySlowXy2 = square(ratioToXy(2. * SLOW_RATIO, minArm, halfMinStepDist));
        double maxXy2 = square(Math.min(printRadius, Math.min(minArm - radius,
                ratioToXy(4. * SLOW_RATIO, minArm, halfMinStepDist))));
        volume = new DeltaBuildVolume(maxXy2, minZ, maxZ, limitZ, homePosition);
        LOG.info(String.format("Delta max build radius %.2fmm (moves slowed past %.2fmm and %.2fmm)", Math.sqrt(maxXy2),
                Math.sqrt(slowXy2), Math.sqrt(verySlowXy2)));
        setPosition(new double[] {0., 0., 0.}, "");
    }

    /** The XY distance from the centre where tower movement reaches {@code ratio} times the XY movement. */
    private double ratioToXy(double ratio, double minArm, double halfMinStepDist) {
        return ratio * Math.sqrt(minArm * minArm / (ratio * ratio + 1.) - halfMinStepDist * halfMinStepDist)
                + halfMinStepDist - radius;
    }

    /** A required option with bounds (Klipper's getfloat without a default). */
    static double requiredFloat(ConfigSection config, String option, Bounds bounds) {
        return config.getFloat(option, config.getFloat(option), bounds);
    }

    private static double square(double v) {
        return v * v;
    }

    private double[] actuatorToCartesian(double[] carriages) {
        double[][] spheres = new double[3][];
        for (int i = 0; i < 3; i++) {
            spheres[i] = new double[] {towers[i][0], towers[i][1], carriages[i]};
        }
        return Trilateration.solve(spheres, arm2);
    }

    @Override
    public List<Stepper> getSteppers() {
        return DeltaTowers.allSteppers(rails);
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        return actuatorToCartesian(DeltaTowers.railPositions(rails, stepperPositions));
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (Rail rail : rails) {
            rail.setPosition(newpos[0], newpos[1], newpos[2]);
        }
        volume.positionSet(homingAxes);
    }

    @Override
    public void clearHomingState(String axes) {
        volume.clearHoming(axes);
    }

    @Override
    public void home(Homing homing) {
        double maxArm2 = Math.max(arm2[0], Math.max(arm2[1], arm2[2]));
        volume.homeAllTowers(homing, rails, -1.5 * Math.sqrt(maxArm2 - volume.maxXy2()));
    }

    @Override
    public void checkMove(ToolheadMove move) {
        if (volume.isKnownGood(move)) {
            return;
        }
        double limit = volume.checkReach(move);
        double[] end = move.endPos();
        double[] axesD = move.axesD();
        double endXy2 = end[0] * end[0] + end[1] * end[1];
        if (axesD[2] != 0.) {
            double zRatio = move.moveDistance() / Math.abs(axesD[2]);
            move.limitSpeed(maxZVelocity * zRatio, maxZAccel * zRatio);
            limit = -1.;
        }
        // slow moves at the edge of the build envelope
        double[] start = move.startPos();
        double extremeXy2 = Math.max(endXy2, start[0] * start[0] + start[1] * start[1]);
        if (extremeXy2 > slowXy2) {
            double r = extremeXy2 > verySlowXy2 ? 0.25 : 0.5;
            move.limitSpeed(maxVelocity * r, maxAccel * r);
            limit = -1.;
        }
        volume.setKnownGoodXy2(Math.min(limit, slowXy2));
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>(volume.status());
        status.put("cone_start_z", coneStartZ);
        return status;
    }

    @Override
    public DeltaCalibration getCalibration() {
        return new LinearDeltaCalibration(radius, angles, armLengths, DeltaTowers.positionEndstops(rails),
                DeltaTowers.stepDistances(rails));
    }

    /** The effector position at which all towers are at their endstops. */
    double[] homePosition() {
        return volume.homePosition();
    }
}
