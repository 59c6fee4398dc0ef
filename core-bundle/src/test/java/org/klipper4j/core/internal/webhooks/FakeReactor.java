/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;

/**
 * A reactor for tests: the test thread is the reactor thread. Callbacks handed
 * over from other threads wait until the test runs them; the clock moves only
 * when the test advances it.
 */
public final class FakeReactor implements Reactor {
    private final LinkedBlockingQueue<ReactorCallback> asyncCallbacks = new LinkedBlockingQueue<>();
    private final List<FakeTimer> timers = new ArrayList<>();
    private final Thread owner = Thread.currentThread();
    private double now = 1000.0;

    private static final class FakeTimer implements ReactorTimer {
        final TimerCallback callback;
        double waketime;

        FakeTimer(TimerCallback callback, double waketime) {
            this.callback = callback;
            this.waketime = waketime;
        }

        @Override
        public double waketime() {
            return waketime;
        }
    }

    @Override
    public double monotonic() {
        return now;
    }

    @Override
    public ReactorTimer registerTimer(TimerCallback callback, double waketime) {
        FakeTimer timer = new FakeTimer(callback, waketime);
        timers.add(timer);
        return timer;
    }

    @Override
    public void updateTimer(ReactorTimer timer, double waketime) {
        ((FakeTimer) timer).waketime = waketime;
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
        asyncCallbacks.add(callback);
    }

    @Override
    public double pause(double waketime) {
        throw new UnsupportedOperationException("the fake reactor does not pause");
    }

    @Override
    public <T> Completion<T> completion() {
        throw new UnsupportedOperationException("the fake reactor has no completions");
    }

    @Override
    public void registerIoSource(IoSource source) {
        source.start(this);
    }

    @Override
    public void unregisterIoSource(IoSource source) {
        source.stop();
    }

    @Override
    public boolean isReactorThread() {
        return Thread.currentThread() == owner;
    }

    @Override
    public void end() {
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("tests drive the fake reactor step by step");
    }

    /** Runs one callback handed over from another thread, waiting up to {@code millis}; false if none came. */
    public boolean runPending(long millis) throws Exception {
        ReactorCallback callback = asyncCallbacks.poll(millis, TimeUnit.MILLISECONDS);
        if (callback == null) {
            return false;
        }
        callback.run(now);
        return true;
    }

    /** Moves the clock forward and runs the timers that became due, in time order. */
    public void advance(double seconds) throws Exception {
        double target = now + seconds;
        while (true) {
            FakeTimer next = null;
            for (FakeTimer timer : timers) {
                if (timer.waketime <= target && (next == null || timer.waketime < next.waketime)) {
                    next = timer;
                }
            }
            if (next == null) {
                break;
            }
            now = Math.max(now, next.waketime);
            next.waketime = next.callback.run(now);
        }
        now = target;
    }

    /** The earliest wake time of the registered timers; {@link #NEVER} if all are idle. */
    public double nextTimerWake() {
        double next = NEVER;
        for (FakeTimer timer : timers) {
            next = Math.min(next, timer.waketime);
        }
        return next;
    }
}
