/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.reactor;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;

/**
 * A completion: a handler on the reactor waits for it like a pause (other work
 * runs meanwhile); any other thread simply blocks.
 */
final class ReactorCompletion<T> implements Completion<T> {
    /** Longest real-time wait of a foreign thread before it re-checks a simulated clock. */
    private static final long FOREIGN_POLL_NANOS = 10_000_000L;

    private final ThreadedReactor reactor;
    private final List<ScheduledTimer> waiters = new ArrayList<>();
    private boolean done;
    private T result;

    ReactorCompletion(ThreadedReactor reactor) {
        this.reactor = reactor;
    }

    @Override
    public void complete(T value) {
        synchronized (reactor.lock()) {
            if (done) {
                return;
            }
            done = true;
            result = value;
            for (ScheduledTimer wake : waiters) {
                reactor.wakeNow(wake);
            }
            waiters.clear();
            reactor.lock().notifyAll();
        }
    }

    @Override
    public boolean isDone() {
        synchronized (reactor.lock()) {
            return done;
        }
    }

    @Override
    public T await(double waketime, T timeoutValue) {
        Thread me = Thread.currentThread();
        synchronized (reactor.lock()) {
            if (done) {
                return result;
            }
            if (reactor.isReactorThread()) {
                if (reactor.isEnded()) {
                    return timeoutValue;
                }
                ScheduledTimer wake = reactor.addWake(me, waketime);
                waiters.add(wake);
                reactor.suspendUntilResumed(me, wake);
                waiters.remove(wake);
            } else {
                awaitForeign(waketime);
            }
            return done ? result : timeoutValue;
        }
    }

    /** Blocks a thread that does not hold the reactor (caller holds the lock). */
    private void awaitForeign(double waketime) {
        while (!done) {
            if (waketime >= Reactor.NEVER) {
                reactor.waitOnLock(0);
                continue;
            }
            double remaining = waketime - reactor.now();
            if (remaining <= 0) {
                return;
            }
            long nanos = reactor.isSimulatedClock() ? FOREIGN_POLL_NANOS : (long) Math.ceil(remaining * 1e9);
            reactor.waitOnLock(nanos);
        }
    }
}
