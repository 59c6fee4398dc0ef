/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.core.api.reactor.Completion;

/** Motion queuing that records trapq appends instead of generating steps. */
public final class FakeMotionQueuing implements MotionQueuing {
    /** One appended move: start time, accel/cruise/decel times, start X, direction, cruise speed, accel. */
    public record Append(double printTime, double accelT, double cruiseT, double decelT, double startX, double axisR,
            double cruiseV, double accel) {
    }

    public final List<Append> appends = new ArrayList<>();
    public final List<Double> activity = new ArrayList<>();
    public final List<FakeStepper> steppers = new ArrayList<>();
    /** What the endstop's homeWait reports: the trigger print time, or negative for no trigger. */
    public double triggerTime = 1.5;
    /** homeStart calls: [print time, triggered]. */
    public final List<Object[]> homeStarts = new ArrayList<>();
    public final McuEndstop endstop = (McuEndstop) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {McuEndstop.class}, (self, method, args) -> switch (method.getName()) {
                case "getSteppers" -> List.<Object>copyOf(steppers);
                case "homeStart" -> {
                    homeStarts.add(new Object[] {args[0], args[4]});
                    yield new Completion<Boolean>() {
                        @Override
                        public void complete(Boolean result) {
                        }

                        @Override
                        public boolean isDone() {
                            return true;
                        }

                        @Override
                        public Boolean await(double waketime, Boolean timeoutValue) {
                            return Boolean.TRUE;
                        }
                    };
                }
                case "homeWait" -> triggerTime;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    public final TrapQueue trapq = new TrapQueue() {
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
        config.get("endstop_pin");
        FakeStepper s = (FakeStepper) createStepper(config, unitsInRadians);
        String name = config.getName().substring(config.getName().indexOf(' ') + 1);
        return (Rail) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Rail.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getName" -> s.getName();
                    case "getSteppers" -> List.of(s);
                    case "getEndstops" -> List.of(new Rail.NamedEndstop(endstop, name));
                    case "setPosition" -> {
                        s.setPosition((Double) args[0], 0., 0.);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
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
