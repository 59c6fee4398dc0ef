/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.reactor;

/**
 * Klipper's reactor: one logical thread runs all printer-object code in
 * timestamp order. A handler may {@link #pause} (or wait on a {@link Completion})
 * without blocking timers: other work runs meanwhile, and the handler resumes
 * when its time comes. In batch mode the clock is simulated, so runs are
 * deterministic.
 */
public interface Reactor {
    /** A wake time meaning "as soon as possible". */
    double NOW = 0.0;
    /** A wake time meaning "never". */
    double NEVER = 9999999999999999.0;

    /** Seconds on a monotonic clock (simulated in batch mode). */
    double monotonic();

    /** Registers a timer that first runs at {@code waketime}. */
    ReactorTimer registerTimer(TimerCallback callback, double waketime);

    void updateTimer(ReactorTimer timer, double waketime);

    void unregisterTimer(ReactorTimer timer);

    /** Runs {@code callback} once on the reactor at {@code waketime}. */
    void registerCallback(ReactorCallback callback, double waketime);

    /** As {@link #registerCallback} at {@link #NOW}, callable from any thread. */
    void registerAsyncCallback(ReactorCallback callback);

    /**
     * Waits until {@code waketime}, letting timers and other handlers run; returns
     * the time it woke. Only on the reactor thread.
     */
    double pause(double waketime);

    <T> Completion<T> completion();

    /** Watches a file descriptor source: {@code callback} runs on the reactor when data is ready. */
    void registerIoSource(IoSource source);

    void unregisterIoSource(IoSource source);

    /** True when called on the thread that currently holds the reactor. */
    boolean isReactorThread();

    /** Stops {@link #run}. */
    void end();

    /** Runs the dispatch loop on the calling thread until {@link #end}. */
    void run();
}
