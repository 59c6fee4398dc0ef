/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.HomingMoveInfo;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Rail.NamedEndstop;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;

/** One move toward endstops that stops when they trigger (Klipper's HomingMove). */
final class HomingMove implements HomingMoveInfo {
    static final double HOMING_START_DELAY = 0.001;
    static final double ENDSTOP_SAMPLE_TIME = .000015;
    static final int ENDSTOP_SAMPLE_COUNT = 4;

    /** Where one stepper was at the start, at the trigger and where it stopped. */
    static final class StepperPosition {
        final Stepper stepper;
        final String endstopName;
        final long startPos;
        long haltPos;
        long trigPos;

        StepperPosition(Stepper stepper, String endstopName) {
            this.stepper = stepper;
            this.endstopName = endstopName;
            this.startPos = stepper.getMcuPosition();
        }

        void noteHomeEnd(double triggerTime) {
            haltPos = stepper.getMcuPosition();
            trigPos = stepper.getPastMcuPosition(triggerTime);
        }
    }

    private final Printer printer;
    private final Toolhead toolhead;
    private final List<NamedEndstop> endstops;
    final List<StepperPosition> stepperPositions = new ArrayList<>();

    HomingMove(Printer printer, Toolhead toolhead, List<NamedEndstop> endstops) {
        this.printer = printer;
        this.toolhead = toolhead;
        this.endstops = endstops;
    }

    @Override
    public List<McuEndstop> getMcuEndstops() {
        List<McuEndstop> out = new ArrayList<>();
        for (NamedEndstop ne : endstops) {
            out.add(ne.endstop());
        }
        return out;
    }

    /** Seconds between endstop checks: about one check per step of the fastest stepper. */
    private double calcEndstopRate(McuEndstop endstop, double[] movepos, double speed) {
        double[] startpos = toolhead.getPosition();
        double dx = movepos[0] - startpos[0];
        double dy = movepos[1] - startpos[1];
        double dz = movepos[2] - startpos[2];
        double moveT = Math.sqrt(dx * dx + dy * dy + dz * dz) / speed;
        double maxSteps = 0.;
        for (Object o : endstop.getSteppers()) {
            Stepper s = (Stepper) o;
            double a = s.calcPositionFromCoord(startpos[0], startpos[1], startpos[2]);
            double b = s.calcPositionFromCoord(movepos[0], movepos[1], movepos[2]);
            maxSteps = Math.max(maxSteps, Math.abs(a - b) / s.getStepDist());
        }
        if (maxSteps <= 0.) {
            return .001;
        }
        return moveT / maxSteps;
    }

    private double[] calcToolheadPos(Map<String, Double> kinSpos, Map<String, Long> offsets) {
        Map<String, Double> spos = new HashMap<>(kinSpos);
        Kinematics kin = toolhead.getKinematics();
        for (Stepper s : kin.getSteppers()) {
            String n = s.getName();
            spos.put(n, spos.get(n) + offsets.getOrDefault(n, 0L) * s.getStepDist());
        }
        double[] thpos = toolhead.getPosition();
        double[] kp = kin.calcPosition(spos);
        System.arraycopy(kp, 0, thpos, 0, 3);
        return thpos;
    }

    private Map<String, Double> stepperPositions() {
        Map<String, Double> m = new HashMap<>();
        for (Stepper s : toolhead.getKinematics().getSteppers()) {
            m.put(s.getName(), s.getCommandedPosition());
        }
        return m;
    }

    /** Moves to {@code movepos} until the endstops trigger; returns the trigger position. */
    double[] homingMove(double[] movepos, double speed, boolean triggered, boolean checkTriggered) {
        return homingMove(movepos, speed, false, triggered, checkTriggered);
    }

    /**
     * As {@link #homingMove(double[], double, boolean, boolean)}; with {@code probePos}
     * the position where the endstop triggered is computed from the steps taken (a probe).
     */
    double[] homingMove(double[] movepos, double speed, boolean probePos, boolean triggered,
            boolean checkTriggered) {
        printer.sendEvent("homing:homing_move_begin", this);
        toolhead.flushStepGeneration();
        Map<String, Double> startKinSpos = stepperPositions();
        for (NamedEndstop ne : endstops) {
            for (Object s : ne.endstop().getSteppers()) {
                stepperPositions.add(new StepperPosition((Stepper) s, ne.name()));
            }
        }
        double printTime = toolhead.getLastMoveTime();
        List<Completion<Boolean>> triggers = new ArrayList<>();
        for (NamedEndstop ne : endstops) {
            double restTime = calcEndstopRate(ne.endstop(), movepos, speed);
            triggers.add(ne.endstop().homeStart(printTime, ENDSTOP_SAMPLE_TIME, ENDSTOP_SAMPLE_COUNT, restTime,
                    triggered));
        }
        Completion<Boolean> allTriggered = anyTriggered(triggers);
        toolhead.dwell(HOMING_START_DELAY);
        String error = null;
        try {
            toolhead.dripMove(movepos, speed, allTriggered);
        } catch (CommandError e) {
            error = "Error during homing move: " + e.getMessage();
        }
        Map<String, Double> triggerTimes = new HashMap<>();
        double moveEndPrintTime = toolhead.getLastMoveTime();
        for (NamedEndstop ne : endstops) {
            double triggerTime;
            try {
                triggerTime = ne.endstop().homeWait(moveEndPrintTime);
            } catch (CommandError e) {
                if (error == null) {
                    error = "Error during homing " + ne.name() + ": " + e.getMessage();
                }
                continue;
            }
            if (triggerTime > 0.) {
                triggerTimes.put(ne.name(), triggerTime);
            } else if (checkTriggered && error == null) {
                error = "No trigger on " + ne.name() + " after full movement";
            }
        }
        toolhead.flushStepGeneration();
        for (StepperPosition sp : stepperPositions) {
            sp.noteHomeEnd(triggerTimes.getOrDefault(sp.endstopName, moveEndPrintTime));
        }
        double[] haltpos = movepos.clone();
        double[] trigpos = movepos;
        if (probePos) {
            Map<String, Long> haltSteps = new HashMap<>();
            Map<String, Long> trigSteps = new HashMap<>();
            for (StepperPosition sp : stepperPositions) {
                haltSteps.put(sp.stepper.getName(), sp.haltPos - sp.startPos);
                trigSteps.put(sp.stepper.getName(), sp.trigPos - sp.startPos);
            }
            trigpos = calcToolheadPos(startKinSpos, trigSteps);
            haltpos = trigSteps.equals(haltSteps) ? trigpos : calcToolheadPos(startKinSpos, haltSteps);
        } else {
            Map<String, Long> overSteps = new HashMap<>();
            boolean anyOver = false;
            for (StepperPosition sp : stepperPositions) {
                long over = sp.haltPos - sp.trigPos;
                overSteps.put(sp.stepper.getName(), over);
                anyOver |= over != 0;
            }
            if (anyOver) {
                toolhead.setPosition(movepos, "");
                haltpos = calcToolheadPos(stepperPositions(), overSteps);
            }
        }
        toolhead.setPosition(haltpos, "");
        try {
            printer.sendEvent("homing:homing_move_end", this);
        } catch (CommandError e) {
            if (error == null) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            throw new CommandError(error);
        }
        return trigpos;
    }

    /** The completion that fires when any endstop triggers, or when all are done. */
    private Completion<Boolean> anyTriggered(List<Completion<Boolean>> triggers) {
        if (triggers.size() == 1) {
            return triggers.get(0);
        }
        Reactor reactor = printer.getReactor();
        Completion<Boolean> cp = reactor.completion();
        reactor.registerCallback(e -> {
            for (Completion<Boolean> c : triggers) {
                c.await();
            }
            cp.complete(Boolean.TRUE);
        }, Reactor.NOW);
        for (Completion<Boolean> c : triggers) {
            reactor.registerCallback(e -> {
                if (Boolean.TRUE.equals(c.await())) {
                    cp.complete(Boolean.TRUE);
                }
            }, Reactor.NOW);
        }
        return cp;
    }

    /** The endstop whose steppers did not move (it was still triggered); null in batch mode. */
    String checkNoMovement() {
        if (printer.getStartArgs().inputFile().isPresent()) {
            return null;
        }
        for (StepperPosition sp : stepperPositions) {
            if (sp.startPos == sp.trigPos) {
                return sp.endstopName;
            }
        }
        return null;
    }
}
