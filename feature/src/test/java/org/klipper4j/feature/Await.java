/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls an asynchronous state until it holds or a deadline passes (no fixed sleeps). */
final class Await {

    static final long DEFAULT_TIMEOUT_MS = 30_000;
    private static final long POLL_MS = 50;

    private Await() {
    }

    /** Returns the first value that satisfies {@code done}; fails naming {@code what} and the last value seen. */
    static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT_MS * 1_000_000;
        T last = null;
        while (true) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + DEFAULT_TIMEOUT_MS + " ms waiting for " + what
                        + "; last seen: " + last);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what);
            }
        }
    }
}
