/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

class IterativeSolverTest {
    private static final double FREQ = 16_000_000.;
    private static final int MAX_ERROR = 400;
    private static final double STEP_DIST = 0.0125;

    /** The stepper follows the X coordinate, as a cartesian X stepper. */
    static final StepperKinematics X_AXIS = new StepperKinematics() {
        @Override
        public double calcPosition(TrapMove m, double moveTime) {
            return m.coordX(moveTime);
        }

        @Override
        public int activeFlags() {
            return AF_X;
        }
    };

    private final List<RecordingCommand.Sent> sent = new ArrayList<>();
    private final StepCompressor sc = new StepCompressor(3);
    private final TrapQueueImpl trapq = new TrapQueueImpl();
    private final IterativeSolver solver = new IterativeSolver();

    IterativeSolverTest() {
        sc.fill(MAX_ERROR, false, new RecordingCommand("queue_step", sent),
                new RecordingCommand("set_next_step_dir", sent));
        sc.setTime(0., FREQ);
        solver.setKinematics(X_AXIS);
        solver.setTrapq(trapq, STEP_DIST);
        solver.setPosition(0, 0, 0);
    }

    private List<Long> run(double until) {
        trapq.checkSentinels();
        solver.generateSteps(sc, until);
        sc.flush(Long.MAX_VALUE);
        while (!sc.messages.isEmpty()) {
            StepMessage m = sc.messages.removeFirst();
            m.command.sendScheduled(m.minClock, m.reqClock, m.args);
        }
        return RecordingCommand.expandSteps(sent, 3);
    }

    @Test
    void constantVelocityMoveStepsAtExactlyComputedTimes() {
        // 1 mm at 10 mm/s starting at print time 2.0 (pure cruise)
        trapq.append(2.0, 0, 0.1, 0, 0, 0, 0, 1, 0, 0, 10, 10, 1000);
        List<Long> steps = run(3.0);
        assertEquals(80, steps.size());
        for (int k = 1; k <= 80; k++) {
            double t = 2.0 + (k - .5) * STEP_DIST / 10.;
            long exact = (long) Math.floor(t * FREQ + .5);
            long diff = exact - steps.get(k - 1);
            assertTrue(diff >= 0 && diff <= MAX_ERROR, "step " + k + " off by " + diff);
        }
        assertEquals(1.0, solver.getCommandedPos(), 1e-9);
    }

    @Test
    void trapezoidMoveReachesTheEndPositionWithinHalfAStep() {
        // accelerate 0->50 mm/s over 0.05 s, cruise 0.1 s, decelerate 0.05 s: 1.25+5+1.25 = 7.5 mm
        trapq.append(1.0, 0.05, 0.1, 0.05, 0, 0, 0, 1, 0, 0, 0, 50, 1000);
        List<Long> steps = run(2.0);
        assertEquals(600, steps.size());
        assertEquals(7.5, solver.getCommandedPos(), 1e-9);
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1));
        }
    }

    @Test
    void moveBackAndForthChangesDirection() {
        trapq.append(1.0, 0, 0.1, 0, 0, 0, 0, 1, 0, 0, 10, 10, 1000);
        trapq.append(1.2, 0, 0.1, 0, 1, 0, 0, -1, 0, 0, 10, 10, 1000);
        List<Long> steps = run(2.0);
        assertEquals(160, steps.size());
        assertTrue(steps.subList(0, 80).stream().allMatch(c -> c > 0));
        assertTrue(steps.subList(80, 160).stream().allMatch(c -> c < 0));
        assertEquals(0.0, solver.getCommandedPos(), 1e-9);
    }

    @Test
    void movesOfOtherAxesProduceNoSteps() {
        trapq.append(1.0, 0, 0.1, 0, 0, 0, 0, 0, 1, 0, 10, 10, 1000);
        assertTrue(run(2.0).isEmpty());
        assertEquals(0., solver.checkActive(2.0));
    }

    @Test
    void generationInSeveralFlushesMatchesOneFlush() {
        trapq.append(1.0, 0.05, 0.1, 0.05, 0, 0, 0, 1, 0, 0, 0, 50, 1000);
        trapq.checkSentinels();
        for (double t = 1.0; t < 1.3; t += 0.0173) {
            solver.generateSteps(sc, t);
        }
        List<Long> inParts = run(2.0);

        IterativeSolverTest whole = new IterativeSolverTest();
        whole.trapq.append(1.0, 0.05, 0.1, 0.05, 0, 0, 0, 1, 0, 0, 0, 50, 1000);
        List<Long> inOne = whole.run(2.0);
        assertEquals(inOne.size(), inParts.size());
        for (int i = 0; i < inOne.size(); i++) {
            assertTrue(Math.abs(inOne.get(i) - inParts.get(i)) <= 2 * MAX_ERROR);
        }
    }

    @Test
    void trapqFillsGapsAndKeepsHistory() {
        trapq.append(5.0, 0, 0.1, 0, 0, 0, 0, 1, 0, 0, 10, 10, 1000);
        trapq.checkSentinels();
        // head, null move from 4.0 (gap filler limited to 1 s), the move, tail
        assertEquals(4, trapq.moves().size());
        assertEquals(4.0, trapq.moves().get(1).printTime, 1e-12);
        assertEquals(1.0, trapq.moves().get(3).startX, 1e-12);
        trapq.finalizeMoves(6.0, 0.);
        assertEquals(2, trapq.moves().size());
        double[] pos = trapq.positionAt(5.05);
        assertEquals(0.5, pos[0], 1e-9);
    }
}
