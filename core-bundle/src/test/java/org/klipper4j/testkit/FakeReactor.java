/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;

/**
 * A single-threaded reactor with a simulated clock that moves only when a test
 * advances it or something pauses until a later time. As in Klipper, {@link #pause}
 * runs every other timer due before the wake time at its own time and in time
 * order, so periodic timers (sensor reports, fan checks) run at each of their
 * times while a handler waits.
 */
public final class FakeReactor implements Reactor {

    private static final int MAX_FIRINGS = 1_000_000;

    private final class Timer implements ReactorTimer {
        final TimerCallback callback;
        double waketime;
        boolean registered = true;
        boolean running;

        Timer(TimerCallback callback, double waketime) {
            this.callback = callback;
            this.waketime = waketime;
        }

        @Override
        public double waketime() {
            return waketime;
        }
    }

    private double now = 1000.0;
    private final List<Timer> timers = new ArrayList<>();

    @Override
    public double monotonic() {
        return now;
    }

    /** Moves the clock forward without running anything. */
    public void advance(double seconds) {
        now += seconds;
    }

    @Override
    public ReactorTimer registerTimer(TimerCallback callback, double waketime) {
        Timer t = new Timer(callback, waketime);
        timers.add(t);
        return t;
    }

    @Override
    public void updateTimer(ReactorTimer timer, double waketime) {
        ((Timer) timer).waketime = waketime;
    }

    @Override
    public void unregisterTimer(ReactorTimer timer) {
        Timer t = (Timer) timer;
        t.registered = false;
        t.waketime = NEVER;
        timers.remove(t);
    }

    @Override
    public void registerCallback(ReactorCallback callback, double waketime) {
        registerTimer(eventtime -> {
            callback.run(eventtime);
            return NEVER;
        }, waketime);
    }

    @Override
    public void registerAsyncCallback(ReactorCallback callback) {
        registerCallback(callback, NOW);
    }

    @Override
    public double pause(double waketime) {
        int firings = 0;
        for (Timer next = nextDue(waketime); next != null; next = nextDue(waketime)) {
            now = Math.max(now, next.waketime);
            fire(next);
            if (++firings > MAX_FIRINGS) {
                throw new AssertionError("timers never become idle");
            }
        }
        now = Math.max(now, waketime);
        return now;
    }

    /** Lets {@code seconds} of simulated time pass, running every timer due on the way. */
    public void runFor(double seconds) {
        pause(now + seconds);
    }

    /** The earliest timer due by {@code limit} that is not running; the first registered on a tie. */
    private Timer nextDue(double limit) {
        Timer best = null;
        for (Timer t : timers) {
            if (!t.running && t.registered && t.waketime <= limit && (best == null || t.waketime < best.waketime)) {
                best = t;
            }
        }
        return best;
    }

    /** Number of registered timers that will run again. */
    public int activeTimers() {
        return (int) timers.stream().filter(t -> t.waketime < NEVER).count();
    }

    /** Runs the earliest due timer; false if none is due. */
    public boolean fireOne() {
        Timer t = nextDue(now);
        if (t == null) {
            return false;
        }
        fire(t);
        return true;
    }

    /** Runs due timers until none is due, without moving the clock. */
    public void runDue() {
        pause(now);
    }

    private void fire(Timer t) {
        t.running = true;
        double next;
        try {
            next = t.callback.run(now);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            t.running = false;
        }
        if (t.registered) {
            t.waketime = next;
            if (next >= NEVER) {
                timers.remove(t);
                t.registered = false;
            }
        }
    }

    @Override
    public <T> Completion<T> completion() {
        return new Completion<>() {
            private T result;
            private boolean done;

            @Override
            public void complete(T value) {
                if (!done) {
                    result = value;
                    done = true;
                }
            }

            @Override
            public boolean isDone() {
                return done;
            }

            @Override
            public T await(double waketime, T timeoutValue) {
                return done ? result : timeoutValue;
            }
        };
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
        runDue();
    }
}
