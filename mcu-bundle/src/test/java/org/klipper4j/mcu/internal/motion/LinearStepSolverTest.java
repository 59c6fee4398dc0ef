/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The closed-form step times of linear steppers against the iterative search on
 * the same moves: the same steps, in the same directions, at the same clocks to
 * within a tick (the search stops within a nanosecond of the crossing).
 */
class LinearStepSolverTest {
    private static final double FREQ = 16_000_000.;
    private static final double STEP_DIST = 0.0125;

    /** A corexy "+" belt stepper (x + y), searched. */
    private static final StepperKinematics SEARCHED_XY = new StepperKinematics() {
        @Override
        public double calcPosition(TrapMove m, double moveTime) {
            return m.coordX(moveTime) + m.coordY(moveTime);
        }

        @Override
        public int activeFlags() {
            return AF_X | AF_Y;
        }
    };

    /** The same stepper declared linear: solved in closed form. */
    private static final StepperKinematics LINEAR_XY = new StepperKinematics() {
        @Override
        public double calcPosition(TrapMove m, double moveTime) {
            return m.coordX(moveTime) + m.coordY(moveTime);
        }

        @Override
        public double linearDistanceRatio(TrapMove m) {
            return m.axesRX + m.axesRY;
        }

        @Override
        public int activeFlags() {
            return AF_X | AF_Y;
        }
    };

    /** Steps (clock, negative when backward) of {@code kin} over the moves, flushed at {@code flushTimes}. */
    private static List<Long> steps(StepperKinematics kin, Consumer<TrapQueueImpl> moves, double... flushTimes) {
        List<RecordingCommand.Sent> sent = new ArrayList<>();
        StepCompressor sc = new StepCompressor(3);
        // max_error 0: every step is sent at its own clock, nothing is merged
        sc.fill(0, false, new RecordingCommand("queue_step", sent), new RecordingCommand("set_next_step_dir", sent));
        sc.setTime(0., FREQ);
        TrapQueueImpl trapq = new TrapQueueImpl();
        IterativeSolver solver = new IterativeSolver();
        solver.setKinematics(kin);
        solver.setTrapq(trapq, STEP_DIST);
        solver.setPosition(0, 0, 0);
        moves.accept(trapq);
        trapq.checkSentinels();
        for (double t : flushTimes) {
            solver.generateSteps(sc, t);
        }
        sc.flush(Long.MAX_VALUE);
        while (!sc.messages.isEmpty()) {
            StepMessage m = sc.messages.removeFirst();
            m.command.sendScheduled(m.minClock, m.reqClock, m.args);
        }
        return RecordingCommand.expandSteps(sent, 3);
    }

    private static void assertSameSteps(List<Long> searched, List<Long> closedForm) {
        assertEquals(searched.size(), closedForm.size(), "step count");
        for (int i = 0; i < searched.size(); i++) {
            long a = searched.get(i);
            long b = closedForm.get(i);
            assertEquals(Long.signum(a), Long.signum(b), "direction of step " + i);
            assertTrue(Math.abs(a - b) <= 1, "step " + i + ": searched " + a + ", closed form " + b);
        }
    }

    @Test
    void timeAtDistanceSolvesEachKindOfSegment() {
        // cruise at 10 mm/s: 1 mm after 0.1 s
        assertEquals(0.1, LinearStepSolver.timeAtDistance(10., 0., 1., 1.), 1e-15);
        // accelerate from rest at 1000 mm/s^2: 1.25 mm after 0.05 s
        assertEquals(0.05, LinearStepSolver.timeAtDistance(0., 500., 1.25, 1.), 1e-15);
        // decelerate from 50 mm/s at 1000 mm/s^2: 1.25 mm after 0.05 s (the first root, not 0.15 s)
        assertEquals(0.05, LinearStepSolver.timeAtDistance(50., -500., 1.25, 1.), 1e-15);
        // to a standstill: 1.25 mm after 0.05 s, at the apex of the parabola
        assertEquals(0.05, LinearStepSolver.timeAtDistance(25., -250., 0.625, 1.), 1e-6);
        // backwards (a retraction: negative velocity and distance), accelerating
        assertEquals(0.05, LinearStepSolver.timeAtDistance(0., -500., -1.25, -1.), 1e-15);
        // backwards, decelerating
        assertEquals(0.05, LinearStepSolver.timeAtDistance(-50., 500., -1.25, -1.), 1e-15);
    }

    @Test
    void constantVelocityStepsAreAtTheHalfStepCrossings() {
        List<Long> steps = steps(LINEAR_XY, q -> q.append(2.0, 0, 0.1, 0, 0, 0, 0, 1, 0, 0, 10, 10, 1000), 3.0);
        assertEquals(80, steps.size());
        for (int k = 1; k <= 80; k++) {
            double exact = (2.0 + (k - .5) * STEP_DIST / 10.) * FREQ;
            assertTrue(Math.abs(exact - steps.get(k - 1)) <= 1., "step " + k + ": " + steps.get(k - 1));
        }
    }

    @Test
    void trapezoidMatchesTheSearch() {
        Consumer<TrapQueueImpl> move = q -> q.append(1.0, 0.05, 0.1, 0.05, 0, 0, 0, .6, .8, 0, 0, 50, 1000);
        List<Long> closedForm = steps(LINEAR_XY, move, 2.0);
        // (0.6 + 0.8) * 7.5 mm of belt
        assertEquals(840, closedForm.size());
        assertSameSteps(steps(SEARCHED_XY, move, 2.0), closedForm);
    }

    @Test
    void reversalMatchesTheSearch() {
        Consumer<TrapQueueImpl> moves = q -> {
            q.append(1.0, 0.01, 0.05, 0.01, 0, 0, 0, 1, 0, 0, 0, 10, 1000);
            q.append(1.07, 0.01, 0.05, 0.01, .6, 0, 0, -1, 0, 0, 0, 10, 1000);
        };
        List<Long> closedForm = steps(LINEAR_XY, moves, 2.0);
        assertEquals(96, closedForm.size());
        assertTrue(closedForm.subList(0, 48).stream().allMatch(c -> c > 0));
        assertTrue(closedForm.subList(48, 96).stream().allMatch(c -> c < 0));
        assertSameSteps(steps(SEARCHED_XY, moves, 2.0), closedForm);
    }

    @Test
    void stepperThatDoesNotMoveInAnActiveMoveGetsNoSteps() {
        // x + y stays 0 on this diagonal
        assertTrue(steps(LINEAR_XY, q -> q.append(1.0, 0, 0.1, 0, 0, 0, 0, .7071, -.7071, 0, 10, 10, 1000), 2.0)
                .isEmpty());
    }

    @Test
    void negativeVelocityMovesStepBackward() {
        // an extruder-style retraction: the trapq distance itself runs backwards
        Consumer<TrapQueueImpl> move = q -> q.append(1.0, 0.02, 0.03, 0.02, 0, 0, 0, 1, 0, 0, 0, -20, -1000);
        List<Long> closedForm = steps(LINEAR_XY, move, 2.0);
        // 0.2 + 0.6 + 0.2 mm backwards
        assertEquals(80, closedForm.size());
        assertTrue(closedForm.stream().allMatch(c -> c < 0));
        assertSameSteps(steps(SEARCHED_XY, move, 2.0), closedForm);
    }

    @Test
    void flushBoundariesInsideMovesDoNotChangeTheSteps() {
        Consumer<TrapQueueImpl> move = q -> q.append(1.0, 0.05, 0.1, 0.05, 0, 0, 0, 1, 0, 0, 0, 50, 1000);
        double[] flushes = new double[20];
        for (int i = 0; i < flushes.length; i++) {
            flushes[i] = 1.0 + 0.0173 * i;
        }
        flushes[flushes.length - 1] = 2.0;
        assertSameSteps(steps(LINEAR_XY, move, 2.0), steps(LINEAR_XY, move, flushes));
    }

    @Test
    void randomWalkMatchesTheSearch() {
        Random rnd = new Random(7);
        double[][] plan = new double[300][];
        double x = 0;
        double y = 0;
        double t = 1.0;
        for (int i = 0; i < plan.length; i++) {
            double dx = (rnd.nextDouble() - .5) * 20.;
            double dy = (rnd.nextDouble() - .5) * 20.;
            double len = Math.hypot(dx, dy);
            double v = 20. + rnd.nextDouble() * 130.;
            double accel = 3000.;
            double accelT = v / accel;
            double accelD = .5 * v * accelT;
            if (2 * accelD > len) {
                // a triangle: the peak speed the distance allows
                v = Math.sqrt(len * accel);
                accelT = v / accel;
                accelD = len / 2;
            }
            double cruiseT = (len - 2 * accelD) / v;
            plan[i] = new double[] {t, accelT, cruiseT, x, y, dx / len, dy / len, v, accel};
            x += dx;
            y += dy;
            t += 2 * accelT + cruiseT;
        }
        double end = t + 1.;
        Consumer<TrapQueueImpl> moves = q -> {
            for (double[] p : plan) {
                q.append(p[0], p[1], p[2], p[1], p[3], p[4], 0, p[5], p[6], 0, 0, p[7], p[8]);
            }
        };
        double[] flushes = new double[(int) ((end - 1.0) / 0.05) + 1];
        for (int i = 0; i < flushes.length; i++) {
            flushes[i] = Math.min(end, 1.0 + 0.05 * (i + 1));
        }
        List<Long> closedForm = steps(LINEAR_XY, moves, flushes);
        assertTrue(closedForm.size() > 10_000, "steps: " + closedForm.size());
        assertSameSteps(steps(SEARCHED_XY, moves, flushes), closedForm);
    }
}
