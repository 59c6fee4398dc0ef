/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.reactor;

import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;

/**
 * A timer entry of the reactor. Entries with equal wake times run in
 * registration order ({@code seq}, renewed when a timer re-arms itself to run at
 * once), which keeps simulated runs deterministic.
 * A timer whose {@code resumeThread} is set is a paused handler's wake-up.
 */
final class ScheduledTimer implements ReactorTimer {
    final TimerCallback callback;
    long seq;
    final Thread resumeThread;
    volatile double waketime;
    boolean registered = true;
    /** Runs once, then is removed (registerCallback). */
    boolean oneShot;

    ScheduledTimer(TimerCallback callback, double waketime, long seq, Thread resumeThread) {
        this.callback = callback;
        this.waketime = waketime;
        this.seq = seq;
        this.resumeThread = resumeThread;
    }

    @Override
    public double waketime() {
        return waketime;
    }

    boolean runsBefore(ScheduledTimer other) {
        return waketime < other.waketime || (waketime == other.waketime && seq < other.seq);
    }

    boolean isIdle() {
        return waketime >= Reactor.NEVER;
    }
}
