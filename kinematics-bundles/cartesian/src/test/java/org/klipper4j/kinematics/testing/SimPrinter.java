/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;
import org.klipper4j.mcu.internal.motion.MotionQueuingImpl;
import org.klipper4j.mcu.internal.motion.StepperEnableImpl;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

/**
 * A printer for running the motion stack without the host: the testkit's printer with
 * one simulated MCU, pins, endstops that behave as Klipper's in batch mode (never
 * trigger early), a reactor whose clock stands still, and the testkit's G-code
 * dispatcher. A shutdown fails the test at once.
 */
public final class SimPrinter extends FakePrinter {
    public final SimReactor reactor = new SimReactor();
    public final SimMcu mcu;
    private final FakeGCode gcode = new FakeGCode();

    public SimPrinter(Path cfg) {
        super(new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(cfg),
                Optional.empty(), Map.of(), false, false));
        mcu = new SimMcu(this);
        addObject("mcu", mcu.proxy);
        addObject("pins", new SimPins());
        addObject("gcode", gcode);
        addLoader(MotionQueuing.NAME, section -> new MotionQueuingImpl(this));
        addLoader(StepperEnable.NAME, StepperEnableImpl::new);
    }

    /** Runs a registered command with parameters given as "X", "10", ...; a command error fails the test. */
    public void run(String command, String... params) {
        StringBuilder line = new StringBuilder(command);
        for (int i = 0; i < params.length; i += 2) {
            line.append(' ').append(params[i]).append('=').append(params[i + 1]);
        }
        String error = gcode.run(line.toString());
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public void invokeShutdown(String message) {
        throw new IllegalStateException("shutdown: " + message);
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
