/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import org.klipper4j.core.api.reactor.Reactor;

/**
 * Waits a little, on the reactor if called there (other work goes on) or by sleeping
 * otherwise: restart and disconnect handlers also run after the reactor has stopped,
 * where Klipper's reactor sleeps too.
 */
public final class ReactorPause {
    private ReactorPause() {
    }

    public static void pause(Reactor reactor, double seconds) {
        if (reactor.isReactorThread()) {
            reactor.pause(reactor.monotonic() + seconds);
            return;
        }
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
