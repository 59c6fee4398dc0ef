/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.extras.outputpin.api.PinMcus;

/**
 * An MCU edge counter (Klipper's MCU_counter): {@code config_counter} and a
 * periodic {@code query_counter}; each {@code counter_state} report goes to the
 * listener as (sample time, total count, time of the last edge).
 */
final class PulseCounter {
    /** Receives counter reports. */
    @FunctionalInterface
    interface Listener {
        void onCount(double time, long count, double countTime);
    }

    private final Mcu mcu;
    private final int oid;
    private final String pin;
    private final int pullup;
    private final double pollTime;
    private final double sampleTime;
    private long pollTicks;
    private long lastCount;
    private Listener listener;

    PulseCounter(Printer printer, String pinDesc, double sampleTime, double pollTime) {
        PinParams params = printer.lookupObject("pins", Pins.class).lookupPin(pinDesc, false, true, null);
        this.mcu = PinMcus.mcuOf(printer, params);
        this.oid = mcu.createOid();
        this.pin = params.pin();
        this.pullup = params.pullup();
        this.pollTime = pollTime;
        this.sampleTime = sampleTime;
        mcu.registerConfigCallback(this::buildConfig);
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    private void buildConfig() {
        mcu.addConfigCommand(String.format("config_counter oid=%d pin=%s pull_up=%d", oid, pin, pullup));
        long clock = mcu.getQuerySlot(oid);
        pollTicks = mcu.secondsToClock(pollTime);
        long sampleTicks = mcu.secondsToClock(sampleTime);
        mcu.addConfigCommand(String.format("query_counter oid=%d clock=%d poll_ticks=%d sample_ticks=%d",
                oid, clock, pollTicks, sampleTicks), true, false);
        mcu.registerResponse(this::handleCounterState, "counter_state", oid);
    }

    private void handleCounterState(Map<String, Object> params) {
        long nextClock = mcu.clock32ToClock64(number(params, "next_clock"));
        double time = mcu.clockToPrintTime(nextClock - pollTicks);
        long countClock = mcu.clock32ToClock64(number(params, "count_clock"));
        double countTime = mcu.clockToPrintTime(countClock);
        // the MCU's counter is 32 bits: extend it across overflows
        long delta = (number(params, "count") - lastCount) & 0xffffffffL;
        long count = lastCount + delta;
        lastCount = count;
        if (listener != null) {
            listener.onCount(time, count, countTime);
        }
    }

    private static long number(Map<String, Object> params, String name) {
        return ((Number) params.get(name)).longValue();
    }
}
