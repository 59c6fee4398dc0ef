/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.IoSource;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ThreadedReactorTest {

    @Test
    void timersRunInWaketimeOrderAndTiesInRegistrationOrder() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        List<String> trace = new ArrayList<>();
        double t0 = reactor.monotonic();
        reactor.registerTimer(e -> { trace.add("c"); return Reactor.NEVER; }, t0 + 3);
        reactor.registerTimer(e -> { trace.add("a"); return Reactor.NEVER; }, t0 + 1);
        reactor.registerTimer(e -> { trace.add("b1"); return Reactor.NEVER; }, t0 + 2);
        reactor.registerTimer(e -> { trace.add("b2"); return Reactor.NEVER; }, t0 + 2);
        reactor.registerCallback(e -> reactor.end(), t0 + 10);
        reactor.run();
        assertEquals(List.of("a", "b1", "b2", "c"), trace);
    }

    @Test
    void simulatedClockJumpsToTheNextTimerAndReportsEventtime() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<Double> times = new ArrayList<>();
        reactor.registerTimer(e -> {
            times.add(e - t0);
            times.add(reactor.monotonic() - t0);
            return Reactor.NEVER;
        }, t0 + 5.5);
        reactor.registerCallback(e -> reactor.end(), t0 + 100);
        reactor.run();
        assertEquals(List.of(5.5, 5.5), times);
        assertEquals(t0 + 100, reactor.monotonic());
    }

    @Test
    void simulatedClockStandsStillWhileTimersAtNowKeepComing() {
        // Batch mode relies on this: while an input timer keeps itself due at NOW and a
        // handler yields with pause(NOW), a timer in the future must wait (Klipper's run is
        // faster than its future timers), and it runs only once nothing is due any more.
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<String> trace = new ArrayList<>();
        reactor.registerCallback(e -> trace.add("future at " + (e - t0)), t0 + 0.5);
        AtomicInteger reads = new AtomicInteger();
        reactor.registerTimer(e -> {
            trace.add("read " + reads.incrementAndGet() + " at " + (reactor.monotonic() - t0));
            return reads.get() < 3 ? Reactor.NOW : Reactor.NEVER;
        }, Reactor.NOW);
        reactor.registerCallback(e -> {
            reactor.pause(Reactor.NOW);
            trace.add("resumed at " + (reactor.monotonic() - t0));
        }, Reactor.NOW);
        reactor.registerCallback(e -> reactor.end(), t0 + 1);
        reactor.run();
        // A timer due again at once queues behind the other due ones (one run per pass, as
        // Klipper's reactor), so the paused handler resumes between the reads.
        assertEquals(List.of("read 1 at 0.0", "read 2 at 0.0", "resumed at 0.0", "read 3 at 0.0",
                "future at 0.5"), trace);
    }

    @Test
    void timerReturnValueReschedulesAndUpdateAndUnregisterWork() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<Double> ticks = new ArrayList<>();
        AtomicInteger count = new AtomicInteger();
        reactor.registerTimer(e -> {
            ticks.add(e - t0);
            return count.incrementAndGet() < 3 ? e + 2 : Reactor.NEVER;
        }, t0 + 1);
        ReactorTimer moved = reactor.registerTimer(e -> { ticks.add(-(e - t0)); return Reactor.NEVER; }, t0 + 50);
        reactor.updateTimer(moved, t0 + 4);
        ReactorTimer dropped = reactor.registerTimer(e -> { ticks.add(999.0); return Reactor.NEVER; }, t0 + 2);
        reactor.unregisterTimer(dropped);
        reactor.registerCallback(e -> reactor.end(), t0 + 20);
        reactor.run();
        assertEquals(List.of(1.0, 3.0, -4.0, 5.0), ticks);
        assertEquals(Reactor.NEVER, dropped.waketime());
    }

    @Test
    void pausingHandlerLetsTimersFireAndResumesAtItsTime() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<String> trace = new ArrayList<>();
        reactor.registerTimer(e -> {
            trace.add("tick " + (e - t0));
            return e - t0 < 4 ? e + 1 : Reactor.NEVER;
        }, t0 + 1);
        reactor.registerCallback(e -> {
            trace.add("pause start");
            double woke = reactor.pause(t0 + 2.5);
            trace.add("pause end " + (woke - t0));
            assertTrue(reactor.isReactorThread());
        }, t0 + 0.5);
        reactor.registerCallback(e -> reactor.end(), t0 + 10);
        reactor.run();
        assertEquals(List.of("pause start", "tick 1.0", "tick 2.0", "pause end 2.5", "tick 3.0", "tick 4.0"), trace);
    }

    @Test
    void nestedPausesInTwoHandlersResumeInTimeOrder() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<String> trace = new CopyOnWriteArrayList<>();
        reactor.registerCallback(e -> {
            reactor.pause(t0 + 5);
            trace.add("A");
        }, t0 + 1);
        reactor.registerCallback(e -> {
            reactor.pause(t0 + 3);
            trace.add("B");
        }, t0 + 2);
        reactor.registerCallback(e -> reactor.end(), t0 + 10);
        reactor.run();
        assertEquals(List.of("B", "A"), trace);
    }

    @Test
    void completionFromAnotherThreadWakesWaitingHandler() throws Exception {
        ThreadedReactor reactor = new ThreadedReactor(false);
        Completion<String> completion = reactor.completion();
        List<String> trace = new CopyOnWriteArrayList<>();
        reactor.registerCallback(e -> {
            Thread helper = new Thread(() -> completion.complete("done"));
            helper.start();
            trace.add(completion.await(reactor.monotonic() + 10, "timeout"));
            reactor.end();
        }, Reactor.NOW);
        reactor.run();
        assertEquals(List.of("done"), trace);
        assertTrue(completion.isDone());
    }

    @Test
    void completionAwaitTimesOutWithTheTimeoutValue() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<Object> trace = new ArrayList<>();
        reactor.registerCallback(e -> {
            Completion<String> c = reactor.completion();
            trace.add(c.await(t0 + 3, "timeout"));
            trace.add(reactor.monotonic() - t0);
            reactor.end();
        }, t0);
        reactor.run();
        assertEquals(List.of("timeout", 3.0), trace);
    }

    @Test
    void foreignThreadAwaitsCompletionCompletedOnReactor() throws Exception {
        ThreadedReactor reactor = new ThreadedReactor(false);
        Completion<Integer> completion = reactor.completion();
        Thread loop = new Thread(reactor::run);
        loop.start();
        reactor.registerAsyncCallback(e -> completion.complete(42));
        assertEquals(42, completion.await());
        reactor.registerAsyncCallback(e -> reactor.end());
        loop.join(5000);
        assertFalse(loop.isAlive());
    }

    @Test
    void asyncCallbackFromAnotherThreadWakesIdleSimulatedLoop() throws Exception {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        AtomicBoolean ran = new AtomicBoolean();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reactor.registerAsyncCallback(e -> {
                ran.set(true);
                reactor.end();
            });
        });
        other.start();
        reactor.run();
        assertTrue(ran.get());
        // Nothing was pending, so the simulated clock did not move while waiting.
        assertEquals(t0, reactor.monotonic());
    }

    @Test
    void simulatedRunsAreDeterministic() {
        assertEquals(simulatedTrace(), simulatedTrace());
    }

    private List<String> simulatedTrace() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int id = i;
            reactor.registerTimer(e -> {
                trace.add("timer" + id + "@" + (e - t0));
                return e - t0 < 6 ? e + 0.7 + id * 0.3 : Reactor.NEVER;
            }, t0 + id * 0.25);
            reactor.registerCallback(e -> {
                trace.add("pauser" + id + " start@" + (e - t0));
                reactor.pause(e + 1.1 * id);
                trace.add("pauser" + id + " end@" + (reactor.monotonic() - t0));
            }, t0 + id * 0.5);
        }
        reactor.registerCallback(e -> reactor.end(), t0 + 8);
        reactor.run();
        return trace;
    }

    @Test
    void endStopsTheLoopAndIoSources() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        AtomicInteger ticks = new AtomicInteger();
        List<String> io = new ArrayList<>();
        IoSource source = new IoSource() {
            @Override
            public void start(Reactor r) {
                io.add("start");
            }

            @Override
            public void stop() {
                io.add("stop");
            }
        };
        reactor.registerIoSource(source);
        reactor.registerTimer(e -> {
            if (ticks.incrementAndGet() == 3) {
                reactor.end();
            }
            return e + 1;
        }, t0);
        reactor.run();
        assertEquals(3, ticks.get());
        assertEquals(List.of("start", "stop"), io);
    }

    @Test
    void unregisteringIoSourceStopsIt() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        List<String> io = new ArrayList<>();
        IoSource source = new IoSource() {
            @Override
            public void start(Reactor r) {
                io.add("start");
            }

            @Override
            public void stop() {
                io.add("stop");
            }
        };
        reactor.registerIoSource(source);
        reactor.unregisterIoSource(source);
        reactor.end();
        assertEquals(List.of("start", "stop"), io);
    }

    @Test
    void exceptionInCallbackGoesToErrorHookAndLoopContinues() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        List<String> errors = new ArrayList<>();
        reactor.setErrorHook(t -> errors.add(t.getMessage()));
        AtomicBoolean later = new AtomicBoolean();
        reactor.registerCallback(e -> { throw new IllegalStateException("boom"); }, t0 + 1);
        reactor.registerCallback(e -> later.set(true), t0 + 2);
        reactor.registerCallback(e -> reactor.end(), t0 + 3);
        reactor.run();
        assertEquals(List.of("boom"), errors);
        assertTrue(later.get());
    }

    @Test
    void pauseOutsideTheReactorThreadIsRejected() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        assertFalse(reactor.isReactorThread());
        assertThrows(IllegalStateException.class, () -> reactor.pause(Reactor.NOW));
    }

    @Test
    void realClockPauseWaitsRealTime() {
        ThreadedReactor reactor = new ThreadedReactor(false);
        List<Double> waited = new ArrayList<>();
        reactor.registerCallback(e -> {
            double start = reactor.monotonic();
            reactor.pause(start + 0.05);
            waited.add(reactor.monotonic() - start);
            reactor.end();
        }, Reactor.NOW);
        reactor.run();
        assertTrue(waited.get(0) >= 0.05, "woke early: " + waited);
    }

    @Test
    void runReturnsOnlyAfterTheHandlerThatCalledEndIsDone() {
        ThreadedReactor reactor = new ThreadedReactor(true);
        double t0 = reactor.monotonic();
        AtomicBoolean handlerDone = new AtomicBoolean();
        Thread runThread = Thread.currentThread();
        List<Boolean> endedOnOtherThread = new ArrayList<>();
        reactor.registerCallback(e -> reactor.pause(t0 + 3), t0 + 1);
        reactor.registerCallback(e -> {
            reactor.pause(t0 + 4);
            // Resumed by the run thread, which is now an idle dispatcher.
            endedOnOtherThread.add(Thread.currentThread() != runThread);
            reactor.end();
            Thread.sleep(100);
            handlerDone.set(true);
        }, t0 + 2);
        reactor.run();
        assertEquals(List.of(true), endedOnOtherThread);
        assertTrue(handlerDone.get(), "run() returned while a handler was still running");
    }
}
