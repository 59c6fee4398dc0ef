/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

import org.klipper4j.testkit.FakeStepper;

import java.util.ArrayList;
import java.util.List;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.core.api.reactor.Completion;

/** Motion queuing that records trapq appends instead of generating steps. */
final class TestMotion implements MotionQueuing {
    /** One appended move: start time, accel/cruise/decel times, start X, direction, cruise speed, accel. */
    record Append(double printTime, double accelT, double cruiseT, double decelT, double startX, double axisR,
            double cruiseV, double accel) {
    }

    final List<Append> appends = new ArrayList<>();
    final List<Double> activity = new ArrayList<>();
    final List<FakeStepper> steppers = new ArrayList<>();

    final TrapQueue trapq = new TrapQueue() {
        @Override
        public void append(double printTime, double accelT, double cruiseT, double decelT, double startX,
                double startY, double startZ, double axesRX, double axesRY, double axesRZ, double startV,
                double cruiseV, double accel) {
            appends.add(new Append(printTime, accelT, cruiseT, decelT, startX, axesRX, cruiseV, accel));
        }

        @Override
        public void setPosition(double printTime, double x, double y, double z) {
        }

        @Override
        public double[] positionAt(double printTime) {
            return null;
        }
    };

    @Override
    public TrapQueue allocateTrapq() {
        return trapq;
    }

    @Override
    public void wipeTrapq(TrapQueue t) {
    }

    @Override
    public Stepper createStepper(ConfigSection config, boolean unitsInRadians) {
        config.get("step_pin");
        FakeStepper s = new FakeStepper(config.getName());
        steppers.add(s);
        return s;
    }

    @Override
    public Rail createRail(ConfigSection config, boolean needPositionMinMax, Double defaultPositionEndstop,
            boolean unitsInRadians) {
        throw new UnsupportedOperationException("createRail");
    }

    @Override
    public List<Stepper> getSteppers() {
        return List.copyOf(steppers);
    }

    @Override
    public void registerFlushCallback(FlushCallback callback, boolean canAddTrapq) {
    }

    @Override
    public void noteMcuMovequeueActivity(double mqTime, boolean isStepGen) {
        activity.add(mqTime);
    }

    @Override
    public void flushAllSteps() {
    }

    @Override
    public double calcStepGenRestart(double estPrintTime) {
        return estPrintTime;
    }

    @Override
    public double getKinFlushDelay() {
        return 0.;
    }

    @Override
    public void checkStepGenerationScanWindows() {
    }

    @Override
    public void dripUpdateTime(double startTime, double endTime, Completion<?> dripCompletion) {
    }

    @Override
    public void setupMcuMovequeue(Mcu mcu, int moveCount) {
    }

    @Override
    public void setMcuTime(Mcu mcu, double timeOffset, double mcuFreq) {
    }
}
