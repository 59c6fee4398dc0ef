/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.concurrent.TimeUnit;

import org.klipper4j.core.api.mcu.McuCommand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Throughput of the step pipeline: the solver with compression over a 100 mm
 * trapezoid move (8000 steps), and the compressor alone over the same step
 * times. Run after {@code mvn -pl mcu-bundle -am test-compile} with
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

    private double[] stepTimes;

    @Setup
    public void computeStepTimes() {
        StepCompressor sc = newCompressor();
        IterativeSolver solver = newSolver();
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

    private static IterativeSolver newSolver() {
        TrapQueueImpl tq = new TrapQueueImpl();
        // 100 mm: accelerate to 200 mm/s at 3000 mm/s^2, cruise, decelerate
        double accelT = 200. / 3000.;
        double accelD = 0.5 * 200. * accelT;
        double cruiseT = (100. - 2 * accelD) / 200.;
        tq.append(1.0, accelT, cruiseT, accelT, 0, 0, 0, 1, 0, 0, 0, 200, 3000);
        IterativeSolver solver = new IterativeSolver();
        solver.setKinematics(IterativeSolverTest.X_AXIS);
        solver.setTrapq(tq, STEP_DIST);
        solver.setPosition(0, 0, 0);
        return solver;
    }

    @Benchmark
    public long solveAndCompress() {
        StepCompressor sc = newCompressor();
        IterativeSolver solver = newSolver();
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
        @org.openjdk.jmh.annotations.Param({"20", "200"})
        public double distance;

        IterativeSolver solver;
        StepCompressor compressor;
        double time = 1.0;
        double position;
        double direction = 1;

        @Setup
        public void create() {
            compressor = newCompressor();
            TrapQueueImpl tq = new TrapQueueImpl();
            solver = new IterativeSolver();
            solver.setKinematics(IterativeSolverTest.X_AXIS);
            solver.setTrapq(tq, STEP_DIST);
            solver.setPosition(0, 0, 0);
        }
    }

    @Benchmark
    public long steadyStateMove(SteadyState s) {
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
