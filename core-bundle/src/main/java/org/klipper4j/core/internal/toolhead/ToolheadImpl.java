/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatsSource;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The toolhead (Klipper's ToolHead): queues moves through the look-ahead into
 * the trapq at print times that keep the MCUs' buffers filled, and waits for
 * them when asked. Its queuing state is "NeedPrime" (idle: the next move restarts
 * print time), "Priming" (moves collect briefly) or main (moves stream).
 */
public final class ToolheadImpl implements Toolhead, StatsSource {
    private static final Logger LOG = LoggerFactory.getLogger(ToolheadImpl.class);

    static final double BUFFER_TIME_HIGH = 1.0;
    static final double BUFFER_TIME_START = 0.250;
    static final double PRIMING_CMD_TIME = 0.100;
    private static final String NEED_PRIME = "NeedPrime";
    private static final String PRIMING = "Priming";

    private final Printer printer;
    private final Reactor reactor;
    private final Mcu mcu;
    private final MotionQueuing motionQueuing;
    private final TrapQueue trapq;
    private final LookAheadQueue lookahead = new LookAheadQueue();
    private final List<ExtraAxis> extraAxes = new ArrayList<>();
    private double[] commandedPos = new double[4];
    private double maxVelocity;
    private double maxAccel;
    private double minCruiseRatio;
    private double squareCornerVelocity;
    private double junctionDeviation;
    private double mcrPseudoAccel;
    private double checkStallTime;
    private int printStall;
    private boolean canPause;
    private double needCheckPause = -1.;
    private double printTime;
    private String specialQueuingState = NEED_PRIME;
    private ReactorTimer primingTimer;
    private final Kinematics kin;

    public ToolheadImpl(ConfigSection config, KinematicsRegistry kinematicsRegistry) {
        this.printer = config.getPrinter();
        this.reactor = printer.getReactor();
        this.mcu = printer.lookupObject("mcu", Mcu.class);
        lookahead.setFlushTime(BUFFER_TIME_HIGH);
        maxVelocity = requiredFloat(config, "max_velocity", Bounds.above(0.));
        maxAccel = requiredFloat(config, "max_accel", Bounds.above(0.));
        minCruiseRatio = config.getFloat("minimum_cruise_ratio", 0.5, Bounds.below(1.).andMin(0.));
        squareCornerVelocity = config.getFloat("square_corner_velocity", 5., Bounds.min(0.));
        calcJunctionDeviation();
        canPause = !mcu.isFileoutput();
        motionQueuing = (MotionQueuing) printer.loadObject(config, MotionQueuing.NAME);
        motionQueuing.registerFlushCallback(this::handleStepFlush, true);
        trapq = motionQueuing.allocateTrapq();
        extraAxes.add(new DummyExtruder());
        String kinName = config.get("kinematics");
        KinematicsFactory factory = kinematicsRegistry.find(kinName).orElseThrow(() -> new ConfigException(
                "Error loading kinematics '" + kinName + "': no installed bundle provides it (bundle "
                        + KinematicsRegistry.bundleFor(kinName) + ")"));
        this.kin = factory.create(this, config);
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> handleShutdown());
    }

    /** A required option with bounds: missing and out-of-range values are config errors. */
    static double requiredFloat(ConfigSection config, String option, Bounds bounds) {
        if (!config.hasOption(option)) {
            return config.getFloat(option);
        }
        return config.getFloat(option, null, bounds);
    }

    // ---------------------------------------------------------------- print time tracking

    private void advanceMoveTime(double nextPrintTime) {
        printTime = Math.max(printTime, nextPrintTime);
    }

    private void calcPrintTime() {
        double curtime = reactor.monotonic();
        double estPrintTime = mcu.estimatedPrintTime(curtime);
        double kinTime = motionQueuing.calcStepGenRestart(estPrintTime);
        double minPrintTime = Math.max(estPrintTime + BUFFER_TIME_START, kinTime);
        if (minPrintTime > printTime) {
            printTime = minPrintTime;
            printer.sendEvent("toolhead:sync_print_time", curtime, estPrintTime, printTime);
        }
    }

    private void processLookahead(boolean lazy) {
        List<ToolheadMoveImpl> moves = lookahead.flush(lazy);
        if (moves.isEmpty()) {
            return;
        }
        if (specialQueuingState != null) {
            // leaving NeedPrime/Priming for the main state
            specialQueuingState = null;
            needCheckPause = -1.;
            calcPrintTime();
        }
        double nextMoveTime = printTime;
        for (ToolheadMoveImpl move : moves) {
            if (move.isKinematicMove()) {
                double[] sp = move.startPosRef();
                double[] ar = move.axesRRef();
                trapq.append(nextMoveTime, move.accelT(), move.cruiseT(), move.decelT(), sp[0], sp[1], sp[2], ar[0],
                        ar[1], ar[2], move.startV(), move.cruiseV(), move.accel());
            }
            double[] ad = move.axesDRef();
            for (int i = 0; i < extraAxes.size(); i++) {
                if (i + 3 < ad.length && ad[i + 3] != 0.) {
                    extraAxes.get(i).processMove(nextMoveTime, move, i + 3);
                }
            }
            nextMoveTime = nextMoveTime + move.accelT() + move.cruiseT() + move.decelT();
            for (DoubleConsumer cb : move.timingCallbacks) {
                cb.accept(nextMoveTime);
            }
        }
        advanceMoveTime(nextMoveTime);
        motionQueuing.noteMcuMovequeueActivity(nextMoveTime, true);
    }

    private void flushLookahead(boolean isRunout) {
        double prevPrintTime = printTime;
        processLookahead(false);
        specialQueuingState = NEED_PRIME;
        needCheckPause = -1.;
        lookahead.setFlushTime(BUFFER_TIME_HIGH);
        checkStallTime = 0.;
        if (isRunout && prevPrintTime != printTime) {
            checkStallTime = printTime;
        }
    }

    private void handleStepFlush(double flushTime, double stepGenTime) {
        if (specialQueuingState != null) {
            return;
        }
        // main state: flush the look-ahead when the buffer runs low
        double kinFlushDelay = motionQueuing.getKinFlushDelay();
        if (stepGenTime >= printTime - kinFlushDelay - 0.001) {
            flushLookahead(true);
        }
    }

    @Override
    public void flushStepGeneration() {
        flushLookahead(false);
        motionQueuing.flushAllSteps();
    }

    @Override
    public double getLastMoveTime() {
        if (specialQueuingState != null) {
            flushLookahead(false);
            calcPrintTime();
        } else {
            processLookahead(false);
        }
        return printTime;
    }

    private double primingHandler(double eventtime) {
        reactor.unregisterTimer(primingTimer);
        primingTimer = null;
        try {
            if (PRIMING.equals(specialQueuingState)) {
                flushLookahead(true);
            }
        } catch (RuntimeException e) {
            LOG.error("Exception in priming_handler", e);
            printer.invokeShutdown("Exception in priming_handler");
        }
        return Reactor.NEVER;
    }

    private void checkPrimingState(double eventtime) {
        if (lookahead.isEmpty()) {
            // NeedPrime and can stay there
            return;
        }
        double estPrintTime = mcu.estimatedPrintTime(eventtime);
        if (checkStallTime != 0.) {
            // was idle in NeedPrime: count a stall if the MCU ran dry
            if (estPrintTime < checkStallTime) {
                printStall++;
            }
            checkStallTime = 0.;
        }
        specialQueuingState = PRIMING;
        needCheckPause = -1.;
        if (primingTimer == null) {
            primingTimer = reactor.registerTimer(this::primingHandler, Reactor.NEVER);
        }
        double willPauseTime = printTime - estPrintTime - BUFFER_TIME_HIGH;
        double wtime = eventtime + Math.max(0., willPauseTime) + PRIMING_CMD_TIME;
        reactor.updateTimer(primingTimer, wtime);
    }

    private void checkPause() {
        double eventtime = reactor.monotonic();
        if (specialQueuingState != null) {
            checkPrimingState(eventtime);
        }
        boolean didPause = false;
        while (true) {
            double estPrintTime = mcu.estimatedPrintTime(eventtime);
            double pauseTime = printTime - estPrintTime - BUFFER_TIME_HIGH;
            if (pauseTime <= 0.) {
                break;
            }
            if (!canPause) {
                needCheckPause = Reactor.NEVER;
                return;
            }
            pauseTime = Math.max(.005, Math.min(1., pauseTime));
            eventtime = reactor.pause(eventtime + pauseTime);
            didPause = true;
        }
        if (specialQueuingState == null) {
            // main state: check again later
            needCheckPause = printTime;
            if (!didPause) {
                // may be falling behind: let other work run
                reactor.pause(Reactor.NOW);
            }
        }
    }

    // ---------------------------------------------------------------- movement

    @Override
    public double[] getPosition() {
        return commandedPos.clone();
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        flushStepGeneration();
        trapq.setPosition(printTime, newpos[0], newpos[1], newpos[2]);
        System.arraycopy(newpos, 0, commandedPos, 0, 3);
        kin.setPosition(newpos, homingAxes == null ? "" : homingAxes);
        printer.sendEvent("toolhead:set_position");
    }

    @Override
    public void limitNextJunctionSpeed(double speed) {
        ToolheadMoveImpl last = lookahead.getLast();
        if (last != null) {
            last.limitNextJunctionSpeed(speed);
        }
    }

    private ToolheadMoveImpl newMove(double[] newpos, double speed) {
        return new ToolheadMoveImpl(commandedPos, newpos, speed, maxVelocity, maxAccel, junctionDeviation,
                mcrPseudoAccel);
    }

    @Override
    public void move(double[] newpos, double speed) {
        double[] pos = fitToAxes(newpos);
        ToolheadMoveImpl move = newMove(pos, speed);
        if (move.moveDistance() == 0.) {
            return;
        }
        if (move.isKinematicMove()) {
            kin.checkMove(move);
        }
        double[] ad = move.axesDRef();
        for (int i = 0; i < extraAxes.size(); i++) {
            if (i + 3 < ad.length && ad[i + 3] != 0.) {
                extraAxes.get(i).checkMove(move, i + 3);
            }
        }
        commandedPos = move.endPosRef().clone();
        if (lookahead.addMove(move, extraAxes)) {
            processLookahead(true);
        }
        if (printTime > needCheckPause) {
            checkPause();
        }
    }

    /** A position vector of this toolhead's length (extra values dropped, missing ones kept). */
    private double[] fitToAxes(double[] newpos) {
        if (newpos.length == commandedPos.length) {
            return newpos;
        }
        double[] pos = commandedPos.clone();
        System.arraycopy(newpos, 0, pos, 0, Math.min(newpos.length, pos.length));
        return pos;
    }

    @Override
    public void manualMove(double[] coord, double speed) {
        double[] curpos = commandedPos.clone();
        for (int i = 0; i < coord.length && i < curpos.length; i++) {
            if (!Double.isNaN(coord[i])) {
                curpos[i] = coord[i];
            }
        }
        move(curpos, speed);
        printer.sendEvent("toolhead:manual_move");
    }

    @Override
    public void dwell(double delay) {
        flushLookahead(false);
        double nextPrintTime = getLastMoveTime() + Math.max(0., delay);
        advanceMoveTime(nextPrintTime);
        checkPause();
    }

    @Override
    public void waitMoves() {
        flushLookahead(false);
        double eventtime = reactor.monotonic();
        while (specialQueuingState == null || printTime >= mcu.estimatedPrintTime(eventtime)) {
            if (!canPause) {
                // batch mode: no waiting; timers (the motion flush timer) run only once the
                // G-code input yields to the reactor, as in Klipper
                break;
            }
            eventtime = reactor.pause(eventtime + 0.100);
        }
    }

    @Override
    public ExtraAxis getExtruder() {
        return extraAxes.get(0);
    }

    @Override
    public void setExtruder(ExtraAxis extruder, double extrudePos) {
        extraAxes.set(0, extruder);
        commandedPos[3] = extrudePos;
    }

    @Override
    public void addExtraAxis(ExtraAxis axis, double axisPos) {
        flushLookahead(false);
        extraAxes.add(axis);
        double[] pos = java.util.Arrays.copyOf(commandedPos, commandedPos.length + 1);
        pos[pos.length - 1] = axisPos;
        commandedPos = pos;
        printer.sendEvent(UPDATE_EXTRA_AXES_EVENT);
    }

    @Override
    public void removeExtraAxis(ExtraAxis axis) {
        flushLookahead(false);
        int index = extraAxes.indexOf(axis);
        if (index < 0) {
            return;
        }
        int posIndex = index + 3;
        double[] pos = new double[commandedPos.length - 1];
        System.arraycopy(commandedPos, 0, pos, 0, posIndex);
        System.arraycopy(commandedPos, posIndex + 1, pos, posIndex, pos.length - posIndex);
        commandedPos = pos;
        extraAxes.remove(index);
        printer.sendEvent(UPDATE_EXTRA_AXES_EVENT);
    }

    @Override
    public List<ExtraAxis> getExtraAxes() {
        return List.copyOf(extraAxes);
    }

    // ---------------------------------------------------------------- homing drip moves

    private double[] dripLoadTrapq(ToolheadMoveImpl submitMove) {
        if (submitMove.moveDistance() != 0.) {
            commandedPos = submitMove.endPosRef().clone();
            lookahead.addMove(submitMove, extraAxes);
        }
        List<ToolheadMoveImpl> moves = lookahead.flush(false);
        calcPrintTime();
        double startTime = printTime;
        double endTime = printTime;
        for (ToolheadMoveImpl move : moves) {
            double[] sp = move.startPosRef();
            double[] ar = move.axesRRef();
            trapq.append(endTime, move.accelT(), move.cruiseT(), move.decelT(), sp[0], sp[1], sp[2], ar[0], ar[1],
                    ar[2], move.startV(), move.cruiseV(), move.accel());
            endTime = endTime + move.accelT() + move.cruiseT() + move.decelT();
        }
        lookahead.reset();
        return new double[] {startTime, endTime};
    }

    @Override
    public void dripMove(double[] newpos, double speed, Completion<?> dripCompletion) {
        double[] pos = commandedPos.clone();
        System.arraycopy(newpos, 0, pos, 0, 3);
        ToolheadMoveImpl move = newMove(pos, speed);
        if (move.moveDistance() != 0.) {
            kin.checkMove(move);
        }
        // stepper movement must not start before the move's nominal start
        dwell(motionQueuing.getKinFlushDelay());
        processLookahead(false);
        double[] times = dripLoadTrapq(move);
        motionQueuing.dripUpdateTime(times[0], times[1], dripCompletion);
        motionQueuing.wipeTrapq(trapq);
    }

    // ---------------------------------------------------------------- status and limits

    /** [print_time, estimated print time, lookahead empty] (Klipper's check_busy). */
    public Object[] checkBusy(double eventtime) {
        return new Object[] {printTime, mcu.estimatedPrintTime(eventtime), lookahead.isEmpty()};
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> res = new LinkedHashMap<>(kin.getStatus(eventtime));
        res.put("print_time", printTime);
        res.put("stalls", printStall);
        res.put("estimated_print_time", mcu.estimatedPrintTime(eventtime));
        res.put("extruder", extraAxes.get(0).getName());
        List<Double> pos = new ArrayList<>();
        for (double v : commandedPos) {
            pos.add(v);
        }
        res.put("position", List.copyOf(pos));
        res.put("max_velocity", maxVelocity);
        res.put("max_accel", maxAccel);
        res.put("minimum_cruise_ratio", minCruiseRatio);
        res.put("square_corner_velocity", squareCornerVelocity);
        // each named extra axis with its index in the position (the extruder is 3)
        Map<String, Object> extraAxesStatus = new LinkedHashMap<>();
        for (int i = 0; i < extraAxes.size(); i++) {
            String name = extraAxes.get(i).getName();
            if (!name.isEmpty()) {
                extraAxesStatus.put(name, i + 3);
            }
        }
        res.put("extra_axes", extraAxesStatus);
        return res;
    }

    private void handleShutdown() {
        canPause = false;
        lookahead.reset();
    }

    @Override
    public Kinematics getKinematics() {
        return kin;
    }

    @Override
    public TrapQueue getTrapq() {
        return trapq;
    }

    @Override
    public void registerLookaheadCallback(DoubleConsumer callback) {
        ToolheadMoveImpl last = lookahead.getLast();
        if (last == null) {
            callback.accept(getLastMoveTime());
            return;
        }
        last.timingCallbacks.add(callback);
    }

    @Override
    public double[] getMaxVelocity() {
        return new double[] {maxVelocity, maxAccel};
    }

    private void calcJunctionDeviation() {
        double scv2 = squareCornerVelocity * squareCornerVelocity;
        junctionDeviation = scv2 * (Math.sqrt(2.) - 1.) / maxAccel;
        mcrPseudoAccel = maxAccel * (1. - minCruiseRatio);
    }

    @Override
    public double[] setMaxVelocities(Double newMaxVelocity, Double newMaxAccel, Double newSquareCornerVelocity,
            Double newMinCruiseRatio) {
        if (newMaxVelocity != null) {
            maxVelocity = newMaxVelocity;
        }
        if (newMaxAccel != null) {
            maxAccel = newMaxAccel;
        }
        if (newSquareCornerVelocity != null) {
            squareCornerVelocity = newSquareCornerVelocity;
        }
        if (newMinCruiseRatio != null) {
            minCruiseRatio = newMinCruiseRatio;
        }
        calcJunctionDeviation();
        return new double[] {maxVelocity, maxAccel, squareCornerVelocity, minCruiseRatio};
    }

    MotionQueuing motionQueuing() {
        return motionQueuing;
    }

    /** Something other than the step pipeline queued MCU commands up to {@code printTime}: keep flushing to it. */
    @Override
    public void noteMcuMovequeueActivity(double printTime) {
        motionQueuing.noteMcuMovequeueActivity(printTime, false);
    }

    /**
     * Its part of the Stats line: active while moves are queued or ran in the last
     * minute (so a freshly started host logs Stats for a while, as Klipper's does).
     */
    @Override
    public Stats stats(double eventtime) {
        double estPrintTime = mcu.estimatedPrintTime(eventtime);
        double bufferTime = printTime - estPrintTime;
        boolean active = bufferTime > -60. || specialQueuingState == null;
        return new Stats(active, String.format(java.util.Locale.ROOT, "print_time=%.3f buffer_time=%.3f print_stall=%d",
                printTime, Math.max(bufferTime, 0.), printStall));
    }
}
