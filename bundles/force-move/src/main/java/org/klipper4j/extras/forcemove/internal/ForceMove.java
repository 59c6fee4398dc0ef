/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

import java.util.List;
import java.util.Locale;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves single steppers outside the kinematics (Klipper's force_move): STEPPER_BUZZ
 * always; FORCE_MOVE and SET_KINEMATIC_POSITION with {@code enable_force_move}.
 */
public final class ForceMove {
    private static final Logger LOG = LoggerFactory.getLogger(ForceMove.class);
    static final double BUZZ_DISTANCE = 1.;
    static final double BUZZ_VELOCITY = BUZZ_DISTANCE / .250;
    static final double BUZZ_RADIANS_DISTANCE = Math.toRadians(1.);
    static final double BUZZ_RADIANS_VELOCITY = BUZZ_RADIANS_DISTANCE / .250;

    private final Printer printer;
    private final MotionQueuing motionQueuing;
    private final TrapQueue trapq;
    private final StepperKinematics stepperKinematics = new LinearStepperKinematics();

    public ForceMove(ConfigSection config) {
        printer = config.getPrinter();
        motionQueuing = (MotionQueuing) printer.loadObject(config, MotionQueuing.NAME);
        trapq = motionQueuing.allocateTrapq();
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("STEPPER_BUZZ", this::cmdStepperBuzz, "Oscillate a given stepper to help id it");
        if (config.getBoolean("enable_force_move", false)) {
            gcode.registerCommand("FORCE_MOVE", this::cmdForceMove,
                    "Manually move a stepper; invalidates kinematics");
            gcode.registerCommand("SET_KINEMATIC_POSITION", this::cmdSetKinematicPosition,
                    "Force a low-level kinematic position");
        }
    }

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    private Stepper lookupStepper(GCodeCommand gcmd) {
        String name = gcmd.get("STEPPER");
        for (Stepper s : motionQueuing.getSteppers()) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        throw gcmd.error("Unknown stepper " + name);
    }

    /** Enables the stepper if it is off; true if it was turned on here. */
    private boolean forceEnable(Stepper stepper) {
        return stepperEnable().setMotorsEnable(List.of(stepper.getName()), true);
    }

    /** Turns a stepper enabled by {@link #forceEnable} off again (with the usual stall dwells). */
    private void restoreEnable(Stepper stepper, boolean didEnable) {
        if (didEnable) {
            stepperEnable().setMotorsEnable(List.of(stepper.getName()), false);
        }
    }

    private StepperEnable stepperEnable() {
        return printer.lookupObject(StepperEnable.NAME, StepperEnable.class);
    }

    /** Moves one stepper by {@code distance}, borrowing it from its kinematics for the move. */
    void manualMove(Stepper stepper, double distance, double speed, double accel) {
        Toolhead toolhead = toolhead();
        toolhead.flushStepGeneration();
        StepperKinematics previousKinematics = stepper.setStepperKinematics(stepperKinematics);
        TrapQueue previousTrapq = stepper.getTrapq();
        stepper.setTrapq(trapq);
        stepper.setPosition(0., 0., 0.);
        MoveTiming t = MoveTiming.of(distance, speed, accel);
        double printTime = toolhead.getLastMoveTime();
        trapq.append(printTime, t.accelT(), t.cruiseT(), t.accelT(), 0., 0., 0., t.axisR(), 0., 0., 0.,
                t.cruiseV(), accel);
        motionQueuing.noteMcuMovequeueActivity(printTime + t.totalTime(), true);
        toolhead.dwell(t.totalTime());
        toolhead.flushStepGeneration();
        stepper.setTrapq(previousTrapq);
        stepper.setStepperKinematics(previousKinematics);
        motionQueuing.wipeTrapq(trapq);
    }

    void cmdStepperBuzz(GCodeCommand gcmd) {
        Stepper stepper = lookupStepper(gcmd);
        LOG.info("Stepper buzz {}", stepper.getName());
        boolean didEnable = forceEnable(stepper);
        Toolhead toolhead = toolhead();
        double dist = stepper.unitsInRadians() ? BUZZ_RADIANS_DISTANCE : BUZZ_DISTANCE;
        double speed = stepper.unitsInRadians() ? BUZZ_RADIANS_VELOCITY : BUZZ_VELOCITY;
        for (int i = 0; i < 10; i++) {
            manualMove(stepper, dist, speed, 0.);
            toolhead.dwell(.050);
            manualMove(stepper, -dist, speed, 0.);
            toolhead.dwell(.450);
        }
        restoreEnable(stepper, didEnable);
    }

    void cmdForceMove(GCodeCommand gcmd) {
        Stepper stepper = lookupStepper(gcmd);
        double distance = gcmd.getFloat("DISTANCE");
        double speed = gcmd.getFloat("VELOCITY", null, Bounds.above(0.));
        double accel = gcmd.getFloat("ACCEL", 0., Bounds.min(0.));
        LOG.info(String.format(Locale.ROOT, "FORCE_MOVE %s distance=%.3f velocity=%.3f accel=%.3f",
                stepper.getName(), distance, speed, accel));
        forceEnable(stepper);
        manualMove(stepper, distance, speed, accel);
    }

    void cmdSetKinematicPosition(GCodeCommand gcmd) {
        Toolhead toolhead = toolhead();
        toolhead.getLastMoveTime();
        double[] pos = toolhead.getPosition();
        pos[0] = gcmd.getFloat("X", pos[0]);
        pos[1] = gcmd.getFloat("Y", pos[1]);
        pos[2] = gcmd.getFloat("Z", pos[2]);
        String setHomed = axesOf(gcmd.get("SET_HOMED", "xyz"));
        String clearHomed = axesOf(gcmd.get("CLEAR_HOMED", gcmd.get("CLEAR", "")));
        StringBuilder homing = new StringBuilder();
        for (char axis : setHomed.toCharArray()) {
            if (clearHomed.indexOf(axis) < 0) {
                homing.append(axis);
            }
        }
        LOG.info(String.format(Locale.ROOT, "SET_KINEMATIC_POSITION pos=%.3f,%.3f,%.3f set_homed=%s clear_homed=%s",
                pos[0], pos[1], pos[2], homing, clearHomed));
        toolhead.setPosition(pos, homing.toString());
        if (!clearHomed.isEmpty()) {
            toolhead.getKinematics().clearHomingState(clearHomed);
        }
    }

    /** The x, y and z letters of a parameter value, lower case, in xyz order. */
    static String axesOf(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        StringBuilder axes = new StringBuilder();
        for (char axis : "xyz".toCharArray()) {
            if (lower.indexOf(axis) >= 0) {
                axes.append(axis);
            }
        }
        return axes.toString();
    }
}
