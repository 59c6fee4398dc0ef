/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/** One homing request (Klipper's Homing): homes rails with a first and an optional second approach. */
final class HomingImpl implements Homing {
    private final Printer printer;
    private final Toolhead toolhead;
    private List<Integer> changedAxes = List.of();
    private Map<String, Long> triggerMcuPos = new HashMap<>();
    private final Map<String, Double> adjustPos = new HashMap<>();

    HomingImpl(Printer printer, Toolhead toolhead) {
        this.printer = printer;
        this.toolhead = toolhead;
    }

    @Override
    public void setAxes(List<Integer> axes) {
        changedAxes = List.copyOf(axes);
    }

    @Override
    public List<Integer> getAxes() {
        return changedAxes;
    }

    Long getTriggerPosition(String stepperName) {
        return triggerMcuPos.get(stepperName);
    }

    void setStepperAdjustment(String stepperName, double adjustment) {
        adjustPos.put(stepperName, adjustment);
    }

    /** The toolhead position with NaN entries of {@code coord} replaced. */
    private double[] fillCoord(double[] coord) {
        double[] th = toolhead.getPosition();
        for (int i = 0; i < coord.length && i < th.length; i++) {
            if (!Double.isNaN(coord[i])) {
                th[i] = coord[i];
            }
        }
        return th;
    }

    @Override
    public void homeRails(List<Rail> rails, double[] forcepos, double[] movepos) {
        printer.sendEvent("homing:home_rails_begin", this, rails);
        List<Integer> forceAxes = new ArrayList<>();
        StringBuilder homingAxes = new StringBuilder();
        for (int axis = 0; axis < 3; axis++) {
            if (!Double.isNaN(forcepos[axis])) {
                forceAxes.add(axis);
                homingAxes.append("xyz".charAt(axis));
            }
        }
        toolhead.setPosition(fillCoord(forcepos), homingAxes.toString());
        List<Rail.NamedEndstop> endstops = new ArrayList<>();
        for (Rail r : rails) {
            endstops.addAll(r.getEndstops());
        }
        Rail.HomingInfo hi = rails.get(0).getHomingInfo();
        HomingMove hmove = new HomingMove(printer, toolhead, endstops);
        hmove.homingMove(fillCoord(movepos), hi.speed(), true, true);
        if (hi.retractDist() != 0.) {
            // retract, then approach again slowly
            double[] startpos = fillCoord(forcepos);
            double[] homepos = fillCoord(movepos);
            double[] axesD = new double[homepos.length];
            for (int i = 0; i < axesD.length; i++) {
                axesD[i] = homepos[i] - startpos[i];
            }
            double moveD = Math.sqrt(axesD[0] * axesD[0] + axesD[1] * axesD[1] + axesD[2] * axesD[2]);
            double retractR = Math.min(1., hi.retractDist() / moveD);
            double[] retractpos = new double[homepos.length];
            for (int i = 0; i < retractpos.length; i++) {
                retractpos[i] = homepos[i] - axesD[i] * retractR;
            }
            toolhead.move(retractpos, hi.retractSpeed());
            double[] start2 = new double[homepos.length];
            for (int i = 0; i < start2.length; i++) {
                start2[i] = retractpos[i] - axesD[i] * retractR;
            }
            toolhead.setPosition(start2, "");
            hmove = new HomingMove(printer, toolhead, endstops);
            hmove.homingMove(fillCoord(movepos), hi.secondHomingSpeed(), true, true);
            String still = hmove.checkNoMovement();
            if (still != null) {
                throw new CommandError("Endstop " + still + " still triggered after retract");
            }
        }
        toolhead.flushStepGeneration();
        triggerMcuPos = new HashMap<>();
        for (HomingMove.StepperPosition sp : hmove.stepperPositions) {
            triggerMcuPos.put(sp.stepper.getName(), sp.trigPos);
        }
        adjustPos.clear();
        printer.sendEvent("homing:home_rails_end", this, rails);
        if (adjustPos.values().stream().anyMatch(v -> v != 0.)) {
            Kinematics kin = toolhead.getKinematics();
            double[] homepos = toolhead.getPosition();
            Map<String, Double> kinSpos = new HashMap<>();
            for (Stepper s : kin.getSteppers()) {
                kinSpos.put(s.getName(), s.getCommandedPosition() + adjustPos.getOrDefault(s.getName(), 0.));
            }
            double[] newpos = kin.calcPosition(kinSpos);
            for (int axis : forceAxes) {
                homepos[axis] = newpos[axis];
            }
            toolhead.setPosition(homepos, "");
        }
    }
}
