/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.testing;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.mcu.internal.motion.MotionQueuingImpl;
import org.klipper4j.mcu.internal.motion.StepperEnableImpl;

/**
 * A printer for running the motion stack without the host: one simulated MCU,
 * pins, endstops that behave as Klipper's in batch mode (never trigger early),
 * a reactor whose clock stands still, and G-code handlers called directly.
 */
public final class SimPrinter implements Printer {
    final Map<String, Object> objects = new LinkedHashMap<>();
    final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    final Map<String, GCodeHandler> commands = new LinkedHashMap<>();
    public final SimReactor reactor = new SimReactor();
    public final SimMcu mcu;
    private final StartArgs args;

    public SimPrinter(Path cfg) {
        args = new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(cfg),
                Optional.empty(), Map.of(), false, false);
        mcu = new SimMcu(this);
        objects.put("mcu", mcu.proxy);
        objects.put("pins", new SimPins());
        objects.put("gcode", gcodeProxy());
    }

    private GCodeDispatch gcodeProxy() {
        return (GCodeDispatch) java.lang.reflect.Proxy.newProxyInstance(GCodeDispatch.class.getClassLoader(),
                new Class<?>[] {GCodeDispatch.class}, (p, m, a) -> {
                    if (m.getName().equals("registerCommand")) {
                        commands.put((String) a[0], (GCodeHandler) a[1]);
                        return null;
                    }
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(p, m, a);
                    }
                    return null;
                });
    }

    /** Runs a registered command with parameters given as "X", "10", ... */
    public void run(String command, String... params) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        GCodeCommand gcmd = (GCodeCommand) java.lang.reflect.Proxy.newProxyInstance(
                GCodeCommand.class.getClassLoader(), new Class<?>[] {GCodeCommand.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "get":
                            return map.getOrDefault((String) a[0], a.length > 1 ? (String) a[1] : null);
                        case "getFloat":
                            String v = map.get((String) a[0]);
                            return v == null ? (a.length > 1 ? a[1] : null) : Double.valueOf(v);
                        case "getCommandline":
                            return command;
                        default:
                            return null;
                    }
                });
        commands.get(command).handle(gcmd);
    }

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        return args;
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
            return objects.computeIfAbsent(section, s -> new MotionQueuingImpl(this));
        }
        if (section.equals(StepperEnable.NAME)) {
            return objects.computeIfAbsent(section, s -> new StepperEnableImpl(config.getSection(s)));
        }
        throw new ConfigException("Unable to load module '" + section + "'");
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
        handlers.computeIfAbsent(event, e -> new ArrayList<>()).add(handler);
    }

    @Override
    public void sendEvent(String event, Object... eventArgs) {
        for (EventHandler h : handlers.getOrDefault(event, List.of())) {
            try {
                h.handle(eventArgs);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
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
        throw new IllegalStateException("shutdown: " + message);
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        invokeShutdown(message);
    }

    @Override
    public void requestExit(String result) {
    }

    /** Pins on the one MCU; endstops are batch-mode endstops. */
    final class SimPins implements Pins {
        @Override
        public void registerChip(String chipName, org.klipper4j.core.api.mcu.PinChip chip) {
        }

        @Override
        public PinParams lookupPin(String pinDesc, boolean canInvert, boolean canPullup, String shareType) {
            String s = pinDesc.trim();
            boolean invert = false;
            int pullup = 0;
            while (s.startsWith("!") || s.startsWith("^") || s.startsWith("~")) {
                invert |= s.charAt(0) == '!';
                pullup = s.charAt(0) == '^' ? 1 : s.charAt(0) == '~' ? -1 : pullup;
                s = s.substring(1).trim();
            }
            return new PinParams("mcu", s, invert, pullup);
        }

        @Override
        public Object setupPin(String pinType, String pinDesc) {
            if (!pinType.equals("endstop")) {
                throw new ConfigException("pin type " + pinType + " not simulated");
            }
            return new BatchEndstop();
        }

        @Override
        public void allowMultiUsePin(String pinDesc) {
        }
    }

    /** An endstop as Klipper's in batch mode: never triggers early, reports a trigger at the move's end. */
    public final class BatchEndstop implements McuEndstop {
        private final List<Object> steppers = new ArrayList<>();
        /** Its object id on the simulated MCU (taken when created, as a real endstop's). */
        public final int oid = mcu.proxy.createOid();

        @Override
        public org.klipper4j.core.api.mcu.Mcu getMcu() {
            return mcu.proxy;
        }

        @Override
        public void addStepper(Object stepper) {
            steppers.add(stepper);
        }

        @Override
        public List<Object> getSteppers() {
            return List.copyOf(steppers);
        }

        @Override
        public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
                boolean triggered) {
            return new Completion<>() {
                @Override
                public void complete(Boolean result) {
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public Boolean await(double waketime, Boolean timeoutValue) {
                    return timeoutValue;
                }
            };
        }

        @Override
        public double homeWait(double homeEndTime) {
            return homeEndTime;
        }

        @Override
        public boolean queryEndstop(double printTime) {
            return false;
        }
    }

    /** A reactor whose clock stays at 0; timers run when the test asks. */
    public static final class SimReactor implements Reactor {
        private final class Timer implements ReactorTimer {
            final TimerCallback callback;
            double wake;
            final long order;

            Timer(TimerCallback callback, double wake, long order) {
                this.callback = callback;
                this.wake = wake;
                this.order = order;
            }

            @Override
            public double waketime() {
                return wake;
            }
        }

        private final List<Timer> timers = new ArrayList<>();
        private long created;

        /** Runs every timer due at time 0 until none is. */
        public void runDueTimers() throws Exception {
            while (true) {
                Timer due = timers.stream().filter(t -> t.wake <= 0.).min(Comparator.comparingLong(t -> t.order))
                        .orElse(null);
                if (due == null) {
                    return;
                }
                due.wake = due.callback.run(0.);
            }
        }

        @Override
        public double monotonic() {
            return 0.;
        }

        @Override
        public ReactorTimer registerTimer(TimerCallback callback, double waketime) {
            Timer t = new Timer(callback, waketime, created++);
            timers.add(t);
            return t;
        }

        @Override
        public void updateTimer(ReactorTimer timer, double waketime) {
            ((Timer) timer).wake = waketime;
        }

        @Override
        public void unregisterTimer(ReactorTimer timer) {
            timers.remove(timer);
        }

        @Override
        public void registerCallback(ReactorCallback callback, double waketime) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerAsyncCallback(ReactorCallback callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double pause(double waketime) {
            try {
                runDueTimers();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return waketime;
        }

        @Override
        public <T> Completion<T> completion() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerIoSource(IoSource source) {
        }

        @Override
        public void unregisterIoSource(IoSource source) {
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
}
