/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;

/**
 * A single-threaded reactor on a simulated clock. {@link #pause} walks time forward
 * through every timer due before the wake time, in time order, so periodic timers
 * (sensor reports, heater checks) run at each of their times while a command waits.
 */
public final class SimReactor implements Reactor {
    private static final class Timer implements ReactorTimer {
        final TimerCallback callback;
        double waketime;

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
    private final List<Timer> running = new ArrayList<>();

    @Override
    public double monotonic() {
        return now;
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
        timers.remove(timer);
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
        while (true) {
            Timer next = timers.stream().filter(t -> !running.contains(t) && t.waketime <= waketime)
                    .min(Comparator.comparingDouble(t -> t.waketime)).orElse(null);
            if (next == null) {
                break;
            }
            now = Math.max(now, next.waketime);
            running.add(next);
            try {
                next.waketime = next.callback.run(now);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                running.remove(next);
            }
            if (next.waketime >= NEVER) {
                timers.remove(next);
            }
        }
        now = Math.max(now, waketime);
        return now;
    }

    /** Lets {@code seconds} of simulated time pass, running every timer due. */
    public void runFor(double seconds) {
        pause(now + seconds);
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
