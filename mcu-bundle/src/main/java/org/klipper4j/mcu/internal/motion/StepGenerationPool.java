/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the steps of several steppers in parallel, off the reactor thread, as
 * Klipper's per-stepper step generation threads. Each stepper's solver and
 * compressor are touched by one worker at a time and the trapqs are only read,
 * so the result does not depend on scheduling; the caller runs one and waits for all.
 */
final class StepGenerationPool {
    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private final ExecutorService executor;

    StepGenerationPool(int threads) {
        int id = POOL_COUNT.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        executor = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stepgen-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every emitter's generation and returns when all are done; rethrows the first failure. */
    void generate(List<StepperEmitter> emitters, double genStepsTime, long flushClock) {
        if (executor == null || emitters.size() < 2) {
            for (StepperEmitter e : emitters) {
                e.generate(genStepsTime, flushClock);
            }
            return;
        }
        // the calling thread generates the first emitter itself instead of idling:
        // one hand-off fewer per flush, and the work spreads over one more thread
        List<Future<?>> pending = new ArrayList<>(emitters.size() - 1);
        for (int i = 1; i < emitters.size(); i++) {
            StepperEmitter e = emitters.get(i);
            pending.add(executor.submit(() -> e.generate(genStepsTime, flushClock)));
        }
        RuntimeException failure = null;
        try {
            emitters.get(0).generate(genStepsTime, flushClock);
        } catch (RuntimeException ex) {
            failure = ex;
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException ex) {
                if (failure == null) {
                    failure = ex.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(ex.getCause());
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during step generation", ex);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
