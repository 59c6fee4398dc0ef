/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * Queues value changes that G-code asks for (SET_PIN, M106) and applies them when
 * the MCU is flushed up to their print time, as Klipper's {@code GCodeRequestQueue}.
 *
 * <p>Rules kept from Klipper: requests are at least {@link McuTimes#MIN_SCHEDULE_TIME}
 * apart; of several requests due at the same moment only the last is applied; a
 * request whose value is already in effect is dropped by the callback. A callback may
 * ask for a request to be applied again at a later print time (rescheduled).
 * Without a toolhead a G-code request is applied at once, a little ahead of the MCU's clock.
 *
 * @param <T> the value type (a pin level, a fan speed, a colour)
 */
public final class GCodeRequestQueue<T> {

    /** Applies one value at a print time; returns null when it was simply sent. */
    @FunctionalInterface
    public interface Applier<T> {
        RequestOutcome apply(double printTime, T value);
    }

    private record Request<T>(double printTime, T value) {
    }

    private final Printer printer;
    private final Mcu mcu;
    private final Applier<T> applier;
    private final List<Request<T>> pending = new ArrayList<>();
    private double nextMinFlushTime;
    private Toolhead toolhead;

    public GCodeRequestQueue(Printer printer, Mcu mcu, Applier<T> applier) {
        this.printer = printer;
        this.mcu = mcu;
        this.applier = applier;
        mcu.registerFlushCallback(this::flushUpTo);
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> findToolhead());
    }

    private Toolhead findToolhead() {
        if (toolhead == null) {
            toolhead = printer.findObject("toolhead", Toolhead.class).orElse(null);
        }
        return toolhead;
    }

    /** Called as the MCU is flushed up to {@code flushTime}: applies the requests due by then. */
    void flushUpTo(double flushTime) {
        while (!pending.isEmpty()) {
            double nextTime = Math.max(pending.get(0).printTime(), nextMinFlushTime);
            if (nextTime > flushTime) {
                return;
            }
            // a later request due by the same time overrides the earlier ones
            int last = 0;
            while (last + 1 < pending.size() && pending.get(last + 1).printTime() <= nextTime) {
                last++;
            }
            RequestOutcome outcome = applier.apply(nextTime, pending.get(last).value());
            double minWait = 0.;
            int done = last + 1;
            if (outcome != null) {
                if (outcome.isRescheduled()) {
                    // nothing sent: the request waits, alone, for its new time
                    T value = pending.get(last).value();
                    pending.subList(0, done).clear();
                    pending.add(0, new Request<>(Math.max(outcome.rescheduleTime(), nextTime), value));
                    if (findToolhead() != null) {
                        toolhead.noteMcuMovequeueActivity(pending.get(0).printTime());
                    }
                    continue;
                }
                if (outcome.discard()) {
                    pending.subList(0, done).clear();
                    continue;
                }
                minWait = outcome.minWait();
                done = last; // keep the request: it is applied again after the wait
            }
            pending.subList(0, done).clear();
            nextMinFlushTime = nextTime + Math.max(minWait, McuTimes.MIN_SCHEDULE_TIME);
            if (findToolhead() != null) {
                toolhead.noteMcuMovequeueActivity(nextMinFlushTime);
            }
        }
    }

    /** Queues a value for when the moves queued so far have run (or at once without a toolhead). */
    public void queueGCodeRequest(T value) {
        if (findToolhead() == null) {
            sendAsyncRequest(value);
            return;
        }
        toolhead.registerLookaheadCallback(printTime -> {
            pending.add(new Request<>(printTime, value));
            toolhead.noteMcuMovequeueActivity(printTime);
        });
    }

    /** Applies a value now, as soon as the MCU can schedule it. */
    public void sendAsyncRequest(T value) {
        double systime = printer.getReactor().monotonic();
        sendAsyncRequest(value, mcu.estimatedPrintTime(systime + McuTimes.MIN_SCHEDULE_TIME));
    }

    /** Applies a value at {@code printTime} (or later, keeping requests apart). */
    public void sendAsyncRequest(T value, double printTime) {
        while (true) {
            double nextTime = Math.max(printTime, nextMinFlushTime);
            RequestOutcome outcome = applier.apply(nextTime, value);
            if (outcome != null && outcome.isRescheduled()) {
                printTime = Math.max(outcome.rescheduleTime(), nextTime);
                continue;
            }
            if (outcome != null && outcome.discard()) {
                return;
            }
            double minWait = outcome == null ? 0. : outcome.minWait();
            nextMinFlushTime = nextTime + Math.max(minWait, McuTimes.MIN_SCHEDULE_TIME);
            if (outcome == null) {
                return;
            }
        }
    }
}
