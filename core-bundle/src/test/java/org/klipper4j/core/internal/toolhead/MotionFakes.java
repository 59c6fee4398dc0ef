/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.EventHandler;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.internal.config.PrinterConfig;

/** Small stand-ins for the toolhead's collaborators: a printer, an MCU, motion queuing and a kinematics. */
final class MotionFakes {
    private MotionFakes() {
    }

    /** One trapq append, as the toolhead sent it. */
    record Append(double printTime, double accelT, double cruiseT, double decelT, double[] start, double[] axesR,
            double startV, double cruiseV, double accel) {
        double endTime() {
            return printTime + accelT + cruiseT + decelT;
        }
    }

    static final class RecordingTrapq implements TrapQueue {
        final List<Append> appends = new ArrayList<>();
        final List<double[]> positions = new ArrayList<>();

        @Override
        public void append(double printTime, double accelT, double cruiseT, double decelT, double startX,
                double startY, double startZ, double axesRX, double axesRY, double axesRZ, double startV,
                double cruiseV, double accel) {
            appends.add(new Append(printTime, accelT, cruiseT, decelT, new double[] {startX, startY, startZ},
                    new double[] {axesRX, axesRY, axesRZ}, startV, cruiseV, accel));
        }

        @Override
        public void setPosition(double printTime, double x, double y, double z) {
            positions.add(new double[] {printTime, x, y, z});
        }

        @Override
        public double[] positionAt(double printTime) {
            return null;
        }
    }

    /** Motion queuing that records activity; steps are not generated. */
    static final class FakeMotionQueuing implements MotionQueuing {
        final RecordingTrapq trapq = new RecordingTrapq();
        final List<Double> activity = new ArrayList<>();
        int flushAll;

        @Override
        public TrapQueue allocateTrapq() {
            return trapq;
        }

        @Override
        public void wipeTrapq(TrapQueue tq) {
        }

        @Override
        public Stepper createStepper(ConfigSection config, boolean unitsInRadians) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Rail createRail(ConfigSection config, boolean needPositionMinMax, Double defaultPositionEndstop,
                boolean unitsInRadians) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Stepper> getSteppers() {
            return List.of();
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
            flushAll++;
        }

        @Override
        public double calcStepGenRestart(double estPrintTime) {
            return estPrintTime + 0.100 + 0.001;
        }

        @Override
        public double getKinFlushDelay() {
            return 0.001;
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

    /** A kinematics with limits 0..200 on each axis that records what it is told. */
    static final class BoxKinematics implements Kinematics {
        final List<String> homedCalls = new ArrayList<>();

        @Override
        public List<Stepper> getSteppers() {
            return List.of();
        }

        @Override
        public double[] calcPosition(Map<String, Double> stepperPositions) {
            return new double[3];
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
            homedCalls.add(homingAxes);
        }

        @Override
        public void clearHomingState(String axes) {
        }

        @Override
        public void checkMove(ToolheadMove move) {
            for (double v : java.util.Arrays.copyOf(move.endPos(), 3)) {
                if (v < 0 || v > 200) {
                    throw move.moveError();
                }
            }
        }

        @Override
        public void home(Homing homing) {
        }

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of("homed_axes", "xyz");
        }
    }

    /** An MCU in batch mode whose clock has not started. */
    static Mcu batchMcu() {
        return (Mcu) Proxy.newProxyInstance(Mcu.class.getClassLoader(), new Class<?>[] {Mcu.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isFileoutput" -> true;
                    case "estimatedPrintTime" -> 0.0;
                    case "getName" -> "mcu";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static final class FakeReactor implements Reactor {
        @Override
        public double monotonic() {
            return 0;
        }

        @Override
        public ReactorTimer registerTimer(org.klipper4j.core.api.reactor.TimerCallback callback, double waketime) {
            return () -> waketime;
        }

        @Override
        public void updateTimer(ReactorTimer timer, double waketime) {
        }

        @Override
        public void unregisterTimer(ReactorTimer timer) {
        }

        @Override
        public void registerCallback(org.klipper4j.core.api.reactor.ReactorCallback callback, double waketime) {
        }

        @Override
        public void registerAsyncCallback(org.klipper4j.core.api.reactor.ReactorCallback callback) {
        }

        /** How often a caller yielded to other reactor work. */
        int pauses;

        @Override
        public double pause(double waketime) {
            pauses++;
            return waketime;
        }

        @Override
        public <T> Completion<T> completion() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerIoSource(org.klipper4j.core.api.reactor.IoSource source) {
        }

        @Override
        public void unregisterIoSource(org.klipper4j.core.api.reactor.IoSource source) {
        }

        @Override
        public boolean isReactorThread() {
            return true;
        }

        @Override
        public void end() {
        }

        @Override
        public void run() {
        }
    }

    static final class FakePrinter implements Printer {
        final Map<String, Object> objects = new LinkedHashMap<>();
        final List<String> events = new ArrayList<>();
        final FakeReactor reactor = new FakeReactor();
        final FakeMotionQueuing motionQueuing = new FakeMotionQueuing();

        FakePrinter() {
            objects.put("mcu", batchMcu());
        }

        @Override
        public Reactor getReactor() {
            return reactor;
        }

        @Override
        public StartArgs getStartArgs() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addObject(String name, Object object) {
            objects.put(name, object);
        }

        @Override
        public Object lookupObject(String name) {
            Object o = objects.get(name);
            if (o == null) {
                throw new ConfigException("Unknown config object '" + name + "'");
            }
            return o;
        }

        @Override
        public <T> T lookupObject(String name, Class<T> type) {
            return type.cast(lookupObject(name));
        }

        @Override
        public <T> Optional<T> findObject(String name, Class<T> type) {
            Object o = objects.get(name);
            return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
        }

        @Override
        public List<Map.Entry<String, Object>> lookupObjects(String module) {
            List<Map.Entry<String, Object>> res = new ArrayList<>();
            objects.forEach((k, v) -> {
                if (module == null || k.equals(module) || k.startsWith(module + " ")) {
                    res.add(new AbstractMap.SimpleEntry<>(k, v));
                }
            });
            return res;
        }

        @Override
        public Object loadObject(ConfigSection config, String section) {
            if (section.equals(MotionQueuing.NAME)) {
                return motionQueuing;
            }
            throw new ConfigException("Unable to load module '" + section + "'");
        }

        @Override
        public void registerEventHandler(String event, EventHandler handler) {
        }

        @Override
        public void sendEvent(String event, Object... args) {
            events.add(event);
        }

        @Override
        public PrinterState getState() {
            return PrinterState.READY;
        }

        @Override
        public String getStateMessage() {
            return "Printer is ready";
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public void invokeShutdown(String message) {
        }

        @Override
        public void invokeAsyncShutdown(String message) {
        }

        @Override
        public void requestExit(String result) {
        }
    }

    /** The [printer] section of {@code text}, read through the real config code. */
    static ConfigSection printerSection(Printer printer, Path dir, String text) throws java.io.IOException {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, text);
        return PrinterConfig.load(printer, cfg).section("printer");
    }
}
