/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.PrinterHoming;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.core.api.reactor.Completion;

/**
 * A stepper outside the kinematics (Klipper's manual_stepper): moved by the
 * MANUAL_STEPPER command on its own trapq, timed after the toolhead's moves;
 * homes against its endstop when it has one. With GCODE_AXIS it becomes an
 * extra axis of the toolhead, moved by G1 together with XYZ.
 */
public final class ManualStepper implements StatusProvider, ExtraAxis {
    static final String HELP = "Command a manually configured stepper";

    private final Printer printer;
    private final Rail rail;
    private final List<Stepper> steppers;
    private final double velocity;
    private final double accel;
    private final Double positionMin;
    private final Double positionMax;
    private final MotionQueuing motionQueuing;
    private final TrapQueue trapq;
    private double homingAccel;
    private double nextCmdTime;
    /** Where the queued moves end; steps are generated later, so the steppers lag behind it. */
    private double commandedPos;
    private final String name;
    /** The G-code letter while registered as a toolhead axis, else null. */
    private String axisGcodeId;
    private double instantCornerV;
    private double gaxisLimitVelocity;
    private double gaxisLimitAccel;

    public ManualStepper(ConfigSection config) {
        printer = config.getPrinter();
        name = config.getName();
        motionQueuing = (MotionQueuing) printer.loadObject(config, MotionQueuing.NAME);
        if (config.get("endstop_pin", null) != null) {
            rail = motionQueuing.createRail(config, false, 0., false);
            steppers = List.copyOf(rail.getSteppers());
        } else {
            rail = null;
            steppers = List.of(motionQueuing.createStepper(config, false));
        }
        velocity = config.getFloat("velocity", 5., Bounds.above(0.));
        accel = config.getFloat("accel", 0., Bounds.min(0.));
        homingAccel = accel;
        positionMin = config.getFloat("position_min", null);
        positionMax = config.getFloat("position_max", null);
        trapq = motionQueuing.allocateTrapq();
        for (Stepper s : steppers) {
            s.setStepperKinematics(new LinearStepperKinematics());
            s.setTrapq(trapq);
        }
        String[] words = config.getName().trim().split("\\s+");
        String stepperName = words[words.length - 1];
        printer.lookupObject("gcode", GCodeDispatch.class)
                .registerMuxCommand("MANUAL_STEPPER", "STEPPER", stepperName, this::cmdManualStepper, HELP);
    }

    List<Stepper> getSteppers() {
        return steppers;
    }

    // ---------------------------------------------------------------- timing

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    /** Lines the stepper's next command time up with the toolhead's, whichever is later. */
    void syncPrintTime() {
        Toolhead toolhead = toolhead();
        double printTime = toolhead.getLastMoveTime();
        if (nextCmdTime > printTime) {
            toolhead.dwell(nextCmdTime - printTime);
        } else {
            nextCmdTime = printTime;
        }
    }

    double getLastMoveTime() {
        syncPrintTime();
        return nextCmdTime;
    }

    void dwell(double delay) {
        nextCmdTime += Math.max(0., delay);
    }

    double getPosition() {
        return commandedPos;
    }

    // ---------------------------------------------------------------- actions

    void doEnable(boolean enable) {
        List<String> names = new ArrayList<>();
        for (Stepper s : steppers) {
            names.add(s.getName());
        }
        printer.lookupObject(StepperEnable.NAME, StepperEnable.class).setMotorsEnable(names, enable);
    }

    void doSetPosition(double position) {
        toolhead().flushStepGeneration();
        setStepperPositions(position);
    }

    private void setStepperPositions(double position) {
        commandedPos = position;
        if (rail != null) {
            rail.setPosition(position, 0., 0.);
        } else {
            steppers.get(0).setPosition(position, 0., 0.);
        }
    }

    /** Appends a move to {@code position} at {@code startTime}; returns its end time. */
    private double submitMove(double startTime, double position, double speed, double moveAccel) {
        double start = getPosition();
        MoveTiming t = MoveTiming.of(position - start, speed, moveAccel);
        trapq.append(startTime, t.accelT(), t.cruiseT(), t.accelT(), start, 0., 0., t.axisR(), 0., 0., 0.,
                t.cruiseV(), moveAccel);
        commandedPos = position;
        return startTime + t.totalTime();
    }

    void doMove(double position, double speed, double moveAccel, boolean sync) {
        syncPrintTime();
        nextCmdTime = submitMove(nextCmdTime, position, speed, moveAccel);
        motionQueuing.noteMcuMovequeueActivity(nextCmdTime, true);
        if (sync) {
            syncPrintTime();
        }
    }

    /** A move that the MCU stops when the endstops trigger; sent in small pieces. */
    void dripMove(double position, double speed, Completion<?> dripCompletion) {
        syncPrintTime();
        double startTime = nextCmdTime;
        double endTime = submitMove(startTime, position, speed, homingAccel);
        motionQueuing.dripUpdateTime(startTime, endTime, dripCompletion);
        motionQueuing.wipeTrapq(trapq);
        setStepperPositions(position);
        syncPrintTime();
    }

    void setPositionAfterHoming(double position) {
        doSetPosition(position);
    }

    private void doHomingMove(double position, double speed, double moveAccel, boolean triggered,
            boolean checkTrigger) {
        if (rail == null) {
            throw new CommandError("No endstop for this manual stepper");
        }
        homingAccel = moveAccel;
        // the core's homing move, with this stepper posing as the toolhead (as in Klipper)
        PrinterHoming homing = printer.lookupObject(PrinterHoming.NAME, PrinterHoming.class);
        homing.manualHome(new HomingHead(this, rail.getName()), rail.getEndstops(),
                new double[] {position, 0., 0., 0.}, speed, triggered, checkTrigger);
    }

    // ---------------------------------------------------------------- G-code

    private double checkedMovePosition(GCodeCommand gcmd) {
        double position = gcmd.getFloat("MOVE");
        if ((positionMin != null && position < positionMin) || (positionMax != null && position > positionMax)) {
            throw gcmd.error("Move out of range");
        }
        return position;
    }

    void cmdManualStepper(GCodeCommand gcmd) {
        if (gcmd.get("GCODE_AXIS", null) != null) {
            commandWithGcodeAxis(gcmd);
            return;
        }
        if (axisGcodeId != null) {
            throw gcmd.error("Must unregister from gcode axis first");
        }
        Integer enable = gcmd.getInt("ENABLE", null);
        if (enable != null) {
            doEnable(enable != 0);
        }
        Double setPosition = gcmd.getFloat("SET_POSITION", null);
        if (setPosition != null) {
            doSetPosition(setPosition);
        }
        double speed = gcmd.getFloat("SPEED", velocity, Bounds.above(0.));
        double moveAccel = gcmd.getFloat("ACCEL", accel, Bounds.min(0.));
        int homingMove = gcmd.getInt("STOP_ON_ENDSTOP", 0);
        if (homingMove != 0) {
            double position = checkedMovePosition(gcmd);
            doHomingMove(position, speed, moveAccel, homingMove > 0, Math.abs(homingMove) == 1);
        } else if (gcmd.get("MOVE", null) != null) {
            double position = checkedMovePosition(gcmd);
            boolean sync = gcmd.getInt("SYNC", 1) != 0;
            doMove(position, speed, moveAccel, sync);
        } else if (gcmd.getInt("SYNC", 0) != 0) {
            syncPrintTime();
        }
    }

    // ---------------------------------------------------------------- extra G-code axis

    private void commandWithGcodeAxis(GCodeCommand gcmd) {
        Toolhead toolhead = toolhead();
        String gcodeAxis = gcmd.get("GCODE_AXIS").toUpperCase(java.util.Locale.ROOT);
        double cornerV = gcmd.getFloat("INSTANTANEOUS_CORNER_VELOCITY", 1., Bounds.min(0.));
        double limitVelocity = gcmd.getFloat("LIMIT_VELOCITY", 999999.9, Bounds.above(0.));
        double limitAccel = gcmd.getFloat("LIMIT_ACCEL", 999999.9, Bounds.above(0.));
        if (axisGcodeId != null) {
            if (!gcodeAxis.isEmpty()) {
                throw gcmd.error("Must unregister axis first");
            }
            toolhead.removeExtraAxis(this);
            axisGcodeId = null;
            return;
        }
        if (gcodeAxis.length() != 1 || !Character.isUpperCase(gcodeAxis.charAt(0))
                || "XYZEFN".contains(gcodeAxis)) {
            if (gcodeAxis.isEmpty()) {
                // unregistering an axis that is not registered: nothing to do
                return;
            }
            throw gcmd.error("Not a valid GCODE_AXIS");
        }
        for (ExtraAxis ea : toolhead.getExtraAxes()) {
            if (gcodeAxis.equals(ea.getAxisGcodeId())) {
                throw gcmd.error("Axis '" + gcodeAxis + "' already registered");
            }
        }
        axisGcodeId = gcodeAxis;
        instantCornerV = cornerV;
        gaxisLimitVelocity = limitVelocity;
        gaxisLimitAccel = limitAccel;
        toolhead.addExtraAxis(this, commandedPos);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getAxisGcodeId() {
        return axisGcodeId;
    }

    @Override
    public double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex) {
        double diffR = move.axesR()[eIndex] - prevMove.axesR()[eIndex];
        if (diffR != 0.) {
            double v = instantCornerV / Math.abs(diffR);
            return v * v;
        }
        return move.maxCruiseV2();
    }

    @Override
    public void checkMove(ToolheadMove move, int eIndex) {
        double movePos = move.endPos()[eIndex];
        if ((positionMin != null && movePos < positionMin) || (positionMax != null && movePos > positionMax)) {
            throw move.moveError();
        }
        double axisRatio = move.moveDistance() / Math.abs(move.axesD()[eIndex]);
        double limitVelocity = gaxisLimitVelocity * axisRatio;
        double limitAccel = gaxisLimitAccel * axisRatio;
        if (!move.isKinematicMove() && accel != 0.) {
            limitAccel = Math.min(limitAccel, accel * axisRatio);
        }
        move.limitSpeed(limitVelocity, limitAccel);
    }

    @Override
    public void processMove(double printTime, ToolheadMove move, int eIndex) {
        double axisR = move.axesR()[eIndex];
        double startPos = move.startPos()[eIndex];
        trapq.append(printTime, move.accelT(), move.cruiseT(), move.decelT(), startPos, 0., 0., 1., 0., 0.,
                move.startV() * axisR, move.cruiseV() * axisR, move.accel() * axisR);
        commandedPos = move.endPos()[eIndex];
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("position", getPosition());
        StepperEnable enable = printer.lookupObject(StepperEnable.NAME, StepperEnable.class);
        status.put("enabled", enable != null && enable.isMotorEnabled(steppers.get(0).getName()));
        return status;
    }
}
