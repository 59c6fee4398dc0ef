/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.mcu.internal.clock.ClockSync;
import org.klipper4j.mcu.internal.clock.SecondaryClockSync;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * Feeds an MCU's clock sync as Klipper does: {@code get_uptime} for the start, eight
 * {@code get_clock} samples 50 ms apart, then one {@code get_clock} about every second
 * (0.9839 s, so it does not resonate with other periodic work).
 * <p>
 * Unlike Klipper, a query still unanswered after {@value #RETRY_DELAY} s is asked again
 * (up to {@value #MAX_RETRIES} times per period, not counted as queries): a single lost
 * {@code clock} response is harmless, but on a noisy line five lost in a row would shut
 * the printer down for "Lost communication" while the MCU is perfectly alive. A silent
 * MCU still trips the check after five periods, as in Klipper.
 */
final class ClockPoller {
    private static final double INTERVAL = .9839;
    static final double RETRY_DELAY = .25;
    static final int MAX_RETRIES = 3;

    private final Reactor reactor;
    private final LiveChannel live;
    private final ClockSync clockSync;
    private final CommandQueue queue = new CommandQueue();
    private ReactorTimer timer;
    private volatile boolean answered;
    private double nextPoll;
    private int retries;

    ClockPoller(Reactor reactor, LiveChannel live, ClockSync clockSync) {
        this.reactor = reactor;
        this.live = live;
        this.clockSync = clockSync;
    }

    /** Synchronises, then polls; {@code onTick} runs at each poll (the liveness check). */
    void start(DataDictionary dict, DoubleConsumer onTick) {
        byte[] getUptime = dict.lookupCommand("get_uptime").encode();
        Map<String, Object> uptime = query(getUptime, "uptime");
        long clock = (ParamValues.toLong(uptime.get("high")) << 32) | ParamValues.toLong(uptime.get("clock"));
        clockSync.start(dict.clockFreq(), clock, ParamValues.toDouble(uptime.get("#sent_time")),
                (freq, convTime, convClock, last) -> live.serialQueue().setClockEstimate(freq, convTime, convClock));
        byte[] getClock = dict.lookupCommand("get_clock").encode();
        for (int i = 0; i < 8; i++) {
            reactor.pause(reactor.monotonic() + 0.050);
            clockSync.forgetPrediction();
            handleClock(query(getClock, "clock"));
        }
        live.registerResponse("clock", null, this::handleClock);
        timer = reactor.registerTimer(eventtime -> {
            if (eventtime >= nextPoll) {
                answered = false;
                retries = 0;
                nextPoll = eventtime + INTERVAL;
                live.send(getClock, 0, getClock.length, queue, 0, 0);
                clockSync.noteQuerySent();
                onTick.accept(eventtime);
            } else if (!answered && retries < MAX_RETRIES) {
                retries++;
                live.send(getClock, 0, getClock.length, queue, 0, 0);
            }
            return Math.min(nextPoll, eventtime + RETRY_DELAY);
        }, Reactor.NOW);
        if (clockSync instanceof SecondaryClockSync secondary) {
            secondary.alignWithMain(reactor.monotonic());
        }
    }

    private Map<String, Object> query(byte[] msg, String response) {
        Map<String, Object> params = QueryRunner.run(reactor, live, msg, response, null, queue, 0, 0, Reactor.NEVER);
        if (params == null) {
            throw new ConfigException("Unable to obtain '" + response + "' response");
        }
        return params;
    }

    private void handleClock(Map<String, Object> params) {
        answered = true;
        clockSync.handleClock(ParamValues.toLong(params.get("clock")), ParamValues.toDouble(params.get("#sent_time")),
                ParamValues.toDouble(params.get("#receive_time")));
    }

    void stop() {
        if (timer != null) {
            reactor.unregisterTimer(timer);
            timer = null;
        }
    }
}
