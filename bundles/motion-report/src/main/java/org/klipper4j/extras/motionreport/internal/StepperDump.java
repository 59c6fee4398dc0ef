/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.QueuedSteps;
import org.klipper4j.core.api.motion.Stepper;

/** The {@code motion_report/dump_stepper} stream of one stepper's queue_step commands (Klipper's DumpStepper). */
final class StepperDump {
    private final Stepper stepper;
    private long lastBatchClock;

    StepperDump(Printer printer, Stepper stepper) {
        this.stepper = stepper;
        BatchedClients.register(printer, "motion_report/dump_stepper", "name", stepper.getName(),
                Map.of("header", List.of("interval", "count", "add")), eventtime -> nextBatch());
    }

    String getName() {
        return stepper.getName();
    }

    /** The commands overlapping the clocks {@code (startClock, endClock)}, oldest first. */
    List<QueuedSteps> stepQueue(long startClock, long endClock) {
        List<QueuedSteps> steps = new ArrayList<>(stepper.dumpSteps(Integer.MAX_VALUE, startClock, endClock));
        Collections.reverse(steps);
        return steps;
    }

    /** The commands sent since the last batch with the position and times they start and end at. */
    Map<String, Object> nextBatch() {
        List<QueuedSteps> steps = stepQueue(lastBatchClock, Long.MAX_VALUE);
        if (steps.isEmpty()) {
            return Map.of();
        }
        Mcu mcu = stepper.getMcu();
        QueuedSteps first = steps.get(0);
        long lastClock = steps.get(steps.size() - 1).lastClock();
        lastBatchClock = lastClock;
        double stepDist = stepper.isDirInverted() ? -stepper.getStepDist() : stepper.getStepDist();
        List<List<Integer>> data = new ArrayList<>();
        for (QueuedSteps s : steps) {
            data.add(List.of(s.interval(), s.stepCount(), s.add()));
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("data", data);
        batch.put("start_position", stepper.mcuToCommandedPosition(first.startPosition()));
        batch.put("start_mcu_position", first.startPosition());
        batch.put("step_distance", stepDist);
        batch.put("first_clock", first.firstClock());
        batch.put("first_step_time", mcu.clockToPrintTime(first.firstClock()));
        batch.put("last_clock", lastClock);
        batch.put("last_step_time", mcu.clockToPrintTime(lastClock));
        return batch;
    }
}
