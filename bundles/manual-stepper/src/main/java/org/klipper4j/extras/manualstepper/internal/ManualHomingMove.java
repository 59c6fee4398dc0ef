/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.Rail.NamedEndstop;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;

/** A manual stepper's move toward its endstops that stops when one triggers (Klipper's HomingMove). */
final class ManualHomingMove {
    static final double HOMING_START_DELAY = 0.001;
    static final double ENDSTOP_SAMPLE_TIME = .000015;
    static final int ENDSTOP_SAMPLE_COUNT = 4;

    private final Printer printer;
    private final ManualStepper target;
    private final List<NamedEndstop> endstops;

    ManualHomingMove(Printer printer, ManualStepper target, List<NamedEndstop> endstops) {
        this.printer = printer;
        this.target = target;
        this.endstops = endstops;
    }

    /** Seconds between endstop checks: about one per step of the endstop's fastest stepper. */
    private double endstopRate(McuEndstop endstop, double position, double speed) {
        double distance = Math.abs(position - target.getPosition());
        double maxSteps = 0.;
        for (Object o : endstop.getSteppers()) {
            Stepper s = (Stepper) o;
            maxSteps = Math.max(maxSteps, distance / s.getStepDist());
        }
        if (maxSteps <= 0.) {
            return .001;
        }
        return distance / speed / maxSteps;
    }

    void run(double position, double speed, boolean triggered, boolean checkTriggered) {
        target.syncPrintTime();
        List<Stepper> steppers = new ArrayList<>();
        List<String> stepperEndstop = new ArrayList<>();
        for (NamedEndstop ne : endstops) {
            for (Object s : ne.endstop().getSteppers()) {
                steppers.add((Stepper) s);
                stepperEndstop.add(ne.name());
            }
        }
        double printTime = target.getLastMoveTime();
        List<Completion<Boolean>> triggers = new ArrayList<>();
        for (NamedEndstop ne : endstops) {
            triggers.add(ne.endstop().homeStart(printTime, ENDSTOP_SAMPLE_TIME, ENDSTOP_SAMPLE_COUNT,
                    endstopRate(ne.endstop(), position, speed), triggered));
        }
        Completion<Boolean> anyTriggered = anyTriggered(triggers);
        target.dwell(HOMING_START_DELAY);
        String error = null;
        try {
            target.dripMove(position, speed, anyTriggered);
        } catch (CommandError e) {
            error = "Error during homing move: " + e.getMessage();
        }
        double moveEndTime = target.getLastMoveTime();
        Map<String, Double> triggerTimes = new HashMap<>();
        for (NamedEndstop ne : endstops) {
            double triggerTime;
            try {
                triggerTime = ne.endstop().homeWait(moveEndTime);
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
        target.syncPrintTime();
        // the MCU stopped the steppers some steps after the trigger: the position is where they halted
        long overSteps = 0;
        if (!steppers.isEmpty()) {
            Stepper first = steppers.get(0);
            double triggerTime = triggerTimes.getOrDefault(stepperEndstop.get(0), moveEndTime);
            overSteps = first.getMcuPosition() - first.getPastMcuPosition(triggerTime);
        }
        double haltPosition = position;
        if (overSteps != 0) {
            target.setPositionAfterHoming(position);
            haltPosition = target.getPosition() + overSteps * steppers.get(0).getStepDist();
        }
        target.setPositionAfterHoming(haltPosition);
        if (error != null) {
            throw new CommandError(error);
        }
    }

    /** Completes when any endstop triggers, or when all of them are done. */
    private Completion<Boolean> anyTriggered(List<Completion<Boolean>> triggers) {
        if (triggers.size() == 1) {
            return triggers.get(0);
        }
        Reactor reactor = printer.getReactor();
        Completion<Boolean> any = reactor.completion();
        reactor.registerCallback(e -> {
            for (Completion<Boolean> c : triggers) {
                c.await();
            }
            any.complete(Boolean.TRUE);
        }, Reactor.NOW);
        for (Completion<Boolean> c : triggers) {
            reactor.registerCallback(e -> {
                if (Boolean.TRUE.equals(c.await())) {
                    any.complete(Boolean.TRUE);
                }
            }, Reactor.NOW);
        }
        return any;
    }
}
