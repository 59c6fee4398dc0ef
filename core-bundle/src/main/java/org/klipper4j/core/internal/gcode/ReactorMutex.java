/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayDeque;
import java.util.Deque;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;

/**
 * Klipper's reactor mutex: while one handler holds it (and pauses), another that
 * asks waits on the reactor, then gets it in request order. Reactor thread only.
 */
final class ReactorMutex {
    private final Reactor reactor;
    private final Deque<Completion<Boolean>> waiters = new ArrayDeque<>();
    private boolean locked;

    ReactorMutex(Reactor reactor) {
        this.reactor = reactor;
    }

    void lock() {
        if (!locked) {
            locked = true;
            return;
        }
        Completion<Boolean> turn = reactor.completion();
        waiters.addLast(turn);
        turn.await();
    }

    void unlock() {
        Completion<Boolean> next = waiters.pollFirst();
        if (next == null) {
            locked = false;
        } else {
            next.complete(Boolean.TRUE); // ownership passes straight to the next waiter
        }
    }

    boolean isLocked() {
        return locked;
    }
}
