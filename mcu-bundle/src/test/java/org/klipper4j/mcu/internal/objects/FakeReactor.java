/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;

/**
 * A reactor whose completions, when waited on, first run {@link #whileWaiting}: the test's
 * stand-in for MCU responses arriving while a handler waits.
 */
final class FakeReactor implements Reactor {
    double now;
    Runnable whileWaiting = () -> { };

    final class FakeCompletion<T> implements Completion<T> {
        private boolean done;
        private T result;

        @Override
        public void complete(T value) {
            if (!done) {
                done = true;
                result = value;
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public T await(double waketime, T timeoutValue) {
            if (!done) {
                whileWaiting.run();
            }
            return done ? result : timeoutValue;
        }
    }

    @Override
    public double monotonic() {
        return now;
    }

    @Override
    public <T> Completion<T> completion() {
        return new FakeCompletion<>();
    }

    @Override
    public ReactorTimer registerTimer(TimerCallback callback, double waketime) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateTimer(ReactorTimer timer, double waketime) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unregisterTimer(ReactorTimer timer) {
        throw new UnsupportedOperationException();
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerIoSource(IoSource source) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unregisterIoSource(IoSource source) {
        throw new UnsupportedOperationException();
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
