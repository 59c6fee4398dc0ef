/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.concurrent.TimeUnit;

import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Throughput of the step pipeline: the solver with compression over a 100 mm
 * trapezoid move (8000 steps), and the compressor alone over the same step
 * times. {@code solver} picks the step-time search ({@code searched}: a kinematics
 * that does not declare linearity) or the closed form ({@code closedForm}: the same
 * X stepper declaring {@link StepperKinematics#linearDistanceRatio}). Run after {@code mvn -pl mcu-bundle -am test-compile} with
 * {@code java -cp "mcu-bundle/target/test-classes:mcu-bundle/target/classes:core-bundle/target/classes:$(cat cp.txt)"
 * org.klipper4j.mcu.internal.motion.StepPipelineBenchmark}, where cp.txt comes from
 * {@code mvn -pl mcu-bundle dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepPipelineBenchmark {
    private static final double FREQ = 16_000_000.;
    private static final double STEP_DIST = 0.0125;
    private static final McuCommand DISCARD = (min, req, params) -> { };

    /** A cartesian X stepper that declares linearity: step times in closed form. */
    static final StepperKinematics LINEAR_X = new StepperKinematics() {
        @Override
        public double calcPosition(TrapMove m, double moveTime) {
            return m.coordX(moveTime);
        }

        @Override
        public double linearDistanceRatio(TrapMove m) {
            return m.axesRX;
        }

        @Override
        public int activeFlags() {
            return AF_X;
        }
    };

    @Param({"searched", "closedForm"})
    public String solver;

    private double[] stepTimes;

    static StepperKinematics kinematics(String solver) {
        return solver.equals("closedForm") ? LINEAR_X : IterativeSolverTest.X_AXIS;
    }

    @Setup
    public void computeStepTimes() {
        StepCompressor sc = newCompressor();
        IterativeSolver solver = newSolver(kinematics(this.solver));
        // collect exact step times once, for the compressor-only benchmark
        java.util.List<Double> times = new java.util.ArrayList<>();
        TrapQueueImpl tq = solver.getTrapq();
        tq.checkSentinels();
        for (var m : tq.moves()) {
            if (m.moveT <= 0 || m.moveT > 1e6) {
                continue;
            }
            double startPos = m.startX;
            for (int k = 1; k <= 8000; k++) {
                double target = (k - .5) * STEP_DIST;
                if (target < startPos || target > m.coordX(m.moveT)) {
                    continue;
                }
                double lo = 0;
                double hi = m.moveT;
                for (int i = 0; i < 60; i++) {
                    double mid = (lo + hi) / 2;
                    if (m.coordX(mid) < target) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                times.add(m.printTime + hi);
            }
        }
        stepTimes = times.stream().mapToDouble(Double::doubleValue).toArray();
        solver.generateSteps(sc, 10.);
    }

    private static StepCompressor newCompressor() {
        StepCompressor sc = new StepCompressor(1);
        sc.fill(400, false, DISCARD, DISCARD);
        sc.setTime(0., FREQ);
        return sc;
    }

    private static IterativeSolver newSolver(StepperKinematics kin) {
        TrapQueueImpl tq = new TrapQueueImpl();
        // 100 mm: accelerate to 200 mm/s at 3000 mm/s^2, cruise, decelerate
        double accelT = 200. / 3000.;
        double accelD = 0.5 * 200. * accelT;
        double cruiseT = (100. - 2 * accelD) / 200.;
        tq.append(1.0, accelT, cruiseT, accelT, 0, 0, 0, 1, 0, 0, 0, 200, 3000);
        IterativeSolver solver = new IterativeSolver();
        solver.setKinematics(kin);
        solver.setTrapq(tq, STEP_DIST);
        solver.setPosition(0, 0, 0);
        return solver;
    }

    @Benchmark
    public long solveAndCompress() {
        StepCompressor sc = newCompressor();
        IterativeSolver solver = newSolver(kinematics(this.solver));
        solver.getTrapq().checkSentinels();
        solver.generateSteps(sc, 10.);
        sc.flush(Long.MAX_VALUE);
        return sc.getLastStepClock();
    }

    @Benchmark
    public long compressOnly() {
        StepCompressor sc = newCompressor();
        for (double t : stepTimes) {
            sc.append(1, 0., t);
        }
        sc.flush(Long.MAX_VALUE);
        return sc.getLastStepClock();
    }

    /**
     * A solver and compressor that live across invocations, as in a print: each
     * invocation adds one move (back and forth along X), generates and compresses
     * its steps and retires it. With {@code -prof gc}, bytes/op that do not grow
     * with the move length show that nothing is allocated per step.
     */
    @State(Scope.Thread)
    public static class SteadyState {
        @Param({"20", "200"})
        public double distance;

        IterativeSolver solver;
        StepCompressor compressor;
        double time = 1.0;
        double position;
        double direction = 1;

        /** Made on the first invocation, when the benchmark's {@code solver} parameter is known. */
        void create(String kind) {
            compressor = newCompressor();
            TrapQueueImpl tq = new TrapQueueImpl();
            solver = new IterativeSolver();
            solver.setKinematics(kinematics(kind));
            solver.setTrapq(tq, STEP_DIST);
            solver.setPosition(0, 0, 0);
        }
    }

    @Benchmark
    public long steadyStateMove(SteadyState s) {
        if (s.solver == null) {
            s.create(solver);
        }
        double cruiseV = Math.min(200., Math.sqrt(s.distance * 3000.));
        double accelT = cruiseV / 3000.;
        double accelD = 0.5 * cruiseV * accelT;
        double cruiseT = (s.distance - 2 * accelD) / cruiseV;
        TrapQueueImpl tq = s.solver.getTrapq();
        tq.append(s.time, accelT, cruiseT, accelT, s.position, 0, 0, s.direction, 0, 0, 0, cruiseV, 3000);
        double end = s.time + 2 * accelT + cruiseT;
        tq.checkSentinels();
        s.solver.generateSteps(s.compressor, end);
        s.compressor.flush(Long.MAX_VALUE);
        s.compressor.messages.clear();
        tq.finalizeMoves(end, end - 1.);
        s.position += s.direction * s.distance;
        s.direction = -s.direction;
        s.time = end;
        return s.compressor.getLastStepClock();
    }

    public static void main(String[] args) throws RunnerException {
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(StepPipelineBenchmark.class.getSimpleName()).build()).run();
    }
}
