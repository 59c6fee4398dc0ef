/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.reactor;

/**
 * Something that produces input on another thread (a socket, a tty, a serial
 * port). The source's own thread reads, then hands the data to the reactor with
 * {@link Reactor#registerAsyncCallback}; this interface lets the reactor start
 * and stop that thread with the source's registration.
 */
public interface IoSource {
    void start(Reactor reactor);

    void stop();
}
