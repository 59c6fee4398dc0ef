/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.util.Map;

import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.mcu.internal.serial.CommandQueue;

/**
 * Sends a command until its response arrives, as Klipper's retrying query: up to six
 * sends with doubling waits (0.25 s first), the reactor running meanwhile.
 */
final class QueryRunner {
    private static final double FIRST_WAIT = 0.250;
    private static final int RETRIES = 5;

    private QueryRunner() {
    }

    /** The response's parameters, or null if none came before {@code deadline} or the retries ran out. */
    static Map<String, Object> run(Reactor reactor, LiveChannel live, byte[] msg, String response, Integer oid,
            CommandQueue queue, long minClock, long reqClock, double deadline) {
        Completion<Map<String, Object>> done = reactor.completion();
        McuResponseHandler previous = live.registerDirect(response, oid, done::complete);
        try {
            double wait = FIRST_WAIT;
            for (int attempt = 0; attempt <= RETRIES; attempt++) {
                live.send(msg, 0, msg.length, queue, minClock, reqClock);
                double until = Math.min(deadline, reactor.monotonic() + wait);
                Map<String, Object> params = done.await(until, null);
                if (params != null || reactor.monotonic() >= deadline) {
                    return params;
                }
                wait *= 2.;
            }
            return null;
        } finally {
            live.registerDirect(response, oid, previous);
        }
    }
}
