/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.reactor;

/** A value that arrives later; waiting lets the reactor run other work (Klipper's completion). */
public interface Completion<T> {
    /** Sets the result and wakes waiters; callable from any thread. Later calls are ignored. */
    void complete(T result);

    boolean isDone();

    /** Waits until completed or {@code waketime}; returns the result or {@code timeoutValue}. */
    T await(double waketime, T timeoutValue);

    default T await() {
        return await(Reactor.NEVER, null);
    }
}
