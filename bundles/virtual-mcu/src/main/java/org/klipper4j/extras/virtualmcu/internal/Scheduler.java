/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/** The firmware's timer list: timers ordered by wake time (64-bit ticks), ties by insertion. */
final class Scheduler {
    /** What a timer does when it fires; returns its next wake time or {@link #DONE}. */
    interface Task {
        long fire(long waketime);
    }

    static final long DONE = Long.MIN_VALUE;

    static final class Timer {
        private final Task task;
        private long waketime;
        private long order;
        private boolean queued;

        Timer(Task task) {
            this.task = task;
        }

        long waketime() {
            return waketime;
        }

        boolean isQueued() {
            return queued;
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>(
            Comparator.comparingLong((Timer t) -> t.waketime).thenComparingLong(t -> t.order));
    private long nextOrder;

    void add(Timer t, long waketime) {
        remove(t);
        t.waketime = waketime;
        t.order = nextOrder++;
        t.queued = true;
        queue.add(t);
    }

    void remove(Timer t) {
        if (t.queued) {
            queue.remove(t);
            t.queued = false;
        }
    }

    /** The next timer due at or before {@code time}, taken off the list, or null. */
    Timer pollDue(long time) {
        Timer t = queue.peek();
        if (t == null || t.waketime > time) {
            return null;
        }
        queue.poll();
        t.queued = false;
        return t;
    }

    /** Wake time of the earliest timer, or {@link Long#MAX_VALUE}. */
    long nextWake() {
        Timer t = queue.peek();
        return t == null ? Long.MAX_VALUE : t.waketime;
    }

    long fire(Timer t) {
        return t.task.fire(t.waketime);
    }

    void clear() {
        for (Timer t : queue) {
            t.queued = false;
        }
        queue.clear();
    }
}
