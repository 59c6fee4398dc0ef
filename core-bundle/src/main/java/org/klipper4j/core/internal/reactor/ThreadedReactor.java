/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.reactor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorCallback;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.reactor.TimerCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's reactor on platform threads. Each of Klipper's greenlets is a thread,
 * but only the thread holding the baton ({@link #owner}) runs printer code, so
 * handlers never run concurrently. A handler that pauses hands the baton to a
 * spare thread, which keeps dispatching timers; when the pause ends, the
 * dispatching thread gives the baton back and becomes a spare itself.
 */
public final class ThreadedReactor implements Reactor {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadedReactor.class);

    /** Guards every field below; waiting threads wait on it. */
    private final Object lock = new Object();
    private final ReactorClock clock;
    private final List<ScheduledTimer> timers = new ArrayList<>();
    private final Deque<Thread> spareThreads = new ArrayDeque<>();
    private final Set<IoSource> ioSources = new LinkedHashSet<>();
    private long nextSeq;
    private volatile Thread owner;
    private Thread runThread;
    private boolean running;
    private boolean ended;
    private int threadCount;
    private volatile Consumer<Throwable> errorHook = t -> { };

    public ThreadedReactor(boolean simulatedClock) {
        this.clock = simulatedClock ? ReactorClock.simulated() : ReactorClock.real();
    }

    /** Called with any exception escaping a timer or callback (after it is logged). */
    public void setErrorHook(Consumer<Throwable> hook) {
        this.errorHook = Objects.requireNonNull(hook);
    }

    public boolean isSimulatedClock() {
        return clock.isSimulated();
    }

    @Override
    public double monotonic() {
        synchronized (lock) {
            return clock.now();
        }
    }

    @Override
    public ReactorTimer registerTimer(TimerCallback callback, double waketime) {
        return addTimer(Objects.requireNonNull(callback, "callback"), waketime, false);
    }

    private ScheduledTimer addTimer(TimerCallback callback, double waketime, boolean oneShot) {
        synchronized (lock) {
            ScheduledTimer timer = new ScheduledTimer(callback, waketime, nextSeq++, null);
            timer.oneShot = oneShot;
            timers.add(timer);
            lock.notifyAll();
            return timer;
        }
    }

    @Override
    public void updateTimer(ReactorTimer timer, double waketime) {
        synchronized (lock) {
            ScheduledTimer t = (ScheduledTimer) timer;
            if (t.registered) {
                t.waketime = waketime;
                lock.notifyAll();
            }
        }
    }

    @Override
    public void unregisterTimer(ReactorTimer timer) {
        synchronized (lock) {
            removeTimer((ScheduledTimer) timer);
        }
    }

    @Override
    public void registerCallback(ReactorCallback callback, double waketime) {
        Objects.requireNonNull(callback, "callback");
        addTimer(eventtime -> {
            callback.run(eventtime);
            return NEVER;
        }, waketime, true);
    }

    @Override
    public void registerAsyncCallback(ReactorCallback callback) {
        registerCallback(callback, NOW);
    }

    @Override
    public double pause(double waketime) {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            requireBaton(me, "pause");
            if (ended) {
                return clock.now();
            }
            ScheduledTimer wake = new ScheduledTimer(null, waketime, nextSeq++, me);
            timers.add(wake);
            suspendUntilResumed(me, wake);
            return clock.now();
        }
    }

    @Override
    public <T> Completion<T> completion() {
        return new ReactorCompletion<>(this);
    }

    @Override
    public void registerIoSource(IoSource source) {
        synchronized (lock) {
            ioSources.add(source);
        }
        source.start(this);
    }

    @Override
    public void unregisterIoSource(IoSource source) {
        boolean removed;
        synchronized (lock) {
            removed = ioSources.remove(source);
        }
        if (removed) {
            source.stop();
        }
    }

    @Override
    public boolean isReactorThread() {
        return owner == Thread.currentThread();
    }

    @Override
    public void end() {
        List<IoSource> toStop;
        synchronized (lock) {
            ended = true;
            toStop = new ArrayList<>(ioSources);
            ioSources.clear();
            lock.notifyAll();
        }
        for (IoSource source : toStop) {
            try {
                source.stop();
            } catch (RuntimeException e) {
                LOG.warn("Error stopping I/O source", e);
            }
        }
    }

    @Override
    public void run() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("reactor is already running");
            }
            running = true;
            ended = false;
            runThread = me;
            owner = me;
        }
        dispatchLoop();
    }

    // ---- used by ReactorCompletion -------------------------------------------------

    Object lock() {
        return lock;
    }

    double now() {
        return clock.now();
    }

    boolean isEnded() {
        return ended;
    }

    /** Registers the wake-up of a thread that waits (caller holds the lock). */
    ScheduledTimer addWake(Thread thread, double waketime) {
        ScheduledTimer wake = new ScheduledTimer(null, waketime, nextSeq++, thread);
        timers.add(wake);
        return wake;
    }

    /** Makes a waiting thread's wake-up due now (caller holds the lock). */
    void wakeNow(ScheduledTimer wake) {
        if (wake.registered) {
            wake.waketime = NOW;
            lock.notifyAll();
        }
    }

    /** Gives the baton away and waits for it to come back via {@code wake} (caller holds the lock). */
    void suspendUntilResumed(Thread me, ScheduledTimer wake) {
        handOffToSpare();
        awaitBaton(me, true);
        removeTimer(wake);
    }

    void requireBaton(Thread me, String what) {
        if (owner != me) {
            throw new IllegalStateException(what + " called outside the reactor thread");
        }
    }

    // ---- dispatching -----------------------------------------------------------------

    private void dispatchLoop() {
        Thread me = Thread.currentThread();
        while (true) {
            ScheduledTimer due;
            double eventtime;
            synchronized (lock) {
                if (ended) {
                    leaveOnEnd(me);
                    return;
                }
                due = nextDueTimer();
                if (due == null) {
                    continue;
                }
                eventtime = clock.now();
                if (due.resumeThread != null) {
                    removeTimer(due);
                    owner = due.resumeThread;
                    spareThreads.addLast(me);
                    lock.notifyAll();
                    if (!awaitBaton(me, false)) {
                        spareThreads.remove(me);
                        return;
                    }
                    continue;
                }
                due.waketime = NEVER; // not re-entered while it runs
            }
            double next = runTimer(due, eventtime);
            synchronized (lock) {
                if (due.oneShot) {
                    removeTimer(due);
                } else if (due.registered) {
                    // The return value wins over an update the callback made to its own timer, as in Klipper.
                    due.waketime = next;
                    if (next <= eventtime) {
                        // Due again at once: it queues behind the timers already due, so each
                        // due timer runs once per pass, as in Klipper's reactor.
                        due.seq = nextSeq++;
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    private double runTimer(ScheduledTimer timer, double eventtime) {
        try {
            return timer.callback.run(eventtime);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.error("Unhandled exception in reactor callback", e);
            try {
                errorHook.accept(e);
            } catch (RuntimeException hookError) {
                LOG.error("Reactor error hook failed", hookError);
            }
            return NEVER;
        }
    }

    /** The first due timer, or null after waiting (caller holds the lock and re-checks). */
    private ScheduledTimer nextDueTimer() {
        ScheduledTimer next = null;
        for (ScheduledTimer t : timers) {
            if (!t.isIdle() && (next == null || t.runsBefore(next))) {
                next = t;
            }
        }
        double now = clock.now();
        if (next != null && next.waketime <= now) {
            return next;
        }
        if (clock.isSimulated()) {
            if (next != null) {
                clock.advanceTo(next.waketime);
                return next;
            }
            waitOnLock(0);
            return null;
        }
        if (next == null) {
            waitOnLock(0);
            return null;
        }
        long nanos = (long) Math.ceil((next.waketime - now) * 1e9);
        if (nanos <= 0) {
            return next;
        }
        waitOnLock(nanos);
        return null;
    }

    /** Waits on the lock for {@code nanos} (0 = until notified). */
    void waitOnLock(long nanos) {
        try {
            if (nanos <= 0) {
                lock.wait();
            } else {
                lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until this thread holds the baton. A paused handler ({@code paused})
     * and the thread in run() keep waiting through end(): the run thread returns
     * only once the baton comes back, so no printer code runs beside it. Returns
     * false when a spare dispatcher should exit because the reactor ended.
     */
    private boolean awaitBaton(Thread me, boolean paused) {
        while (owner != me) {
            if (ended && !paused && me != runThread) {
                return false;
            }
            waitOnLock(0);
        }
        return true;
    }

    /** Passes the baton to an idle dispatcher, starting one if none is free. */
    private void handOffToSpare() {
        Thread spare = spareThreads.pollFirst();
        if (spare == null) {
            spare = new Thread(this::spareMain, "reactor-" + (++threadCount));
            spare.setDaemon(true);
            owner = spare;
            spare.start();
        } else {
            owner = spare;
        }
        lock.notifyAll();
    }

    private void spareMain() {
        synchronized (lock) {
            if (!awaitBaton(Thread.currentThread(), false)) {
                return;
            }
        }
        dispatchLoop();
    }

    /** On end the baton goes back to the thread in run(), which then returns. */
    private void leaveOnEnd(Thread me) {
        if (me == runThread) {
            running = false;
            owner = null;
            runThread = null;
        } else {
            owner = runThread;
        }
        lock.notifyAll();
    }

    private void removeTimer(ScheduledTimer timer) {
        if (timer.registered) {
            timer.registered = false;
            timers.remove(timer);
        }
        timer.waketime = NEVER;
    }
}
