/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.testkit.TestPrinter;

class GCodeRequestQueueTest {
    private final TestPrinter bench = new TestPrinter(true);
    private final List<String> applied = new ArrayList<>();

    private String last;

    /**
     * Applies strings; a repeat is discarded, "kick" asks to be applied again 0.5 s later,
     * "atT" waits (is rescheduled) until print time T.
     */
    private RequestOutcome apply(double printTime, String value) {
        if (value.equals(last)) {
            return RequestOutcome.discarded();
        }
        if (value.startsWith("at") && printTime < Double.parseDouble(value.substring(2))) {
            return RequestOutcome.rescheduled(Double.parseDouble(value.substring(2)));
        }
        applied.add(String.format(java.util.Locale.ROOT, "%.2f %s", printTime, value));
        if (value.equals("kick") && !"kicked".equals(last)) {
            last = "kicked";
            return RequestOutcome.again(0.5);
        }
        last = value;
        return null;
    }

    private GCodeRequestQueue<String> queue() {
        GCodeRequestQueue<String> q = new GCodeRequestQueue<>(bench.printer, bench.mcu, this::apply);
        bench.connect();
        return q;
    }

    @Test
    void requestsRunWhenTheirTimeIsFlushed() {
        GCodeRequestQueue<String> q = queue();
        bench.toolhead.printTime = 1.;
        q.queueGCodeRequest("a");
        bench.toolhead.printTime = 3.;
        q.queueGCodeRequest("b");
        bench.mcu.flush(2.);
        assertEquals(List.of("1.00 a"), applied);
        bench.mcu.flush(3.);
        assertEquals(List.of("1.00 a", "3.00 b"), applied);
        assertEquals(List.of(1., 3., 1.1, 3.1), bench.toolhead.activity,
                "the toolhead is told to flush to each request and to the time the next may go");
    }

    @Test
    void aRepeatedRequestIsDiscardedWithoutDelayingTheNext() {
        GCodeRequestQueue<String> q = queue();
        bench.toolhead.printTime = 1.;
        q.queueGCodeRequest("a");
        bench.mcu.flush(1.);
        bench.toolhead.printTime = 1.2;
        q.queueGCodeRequest("a");
        bench.toolhead.printTime = 1.3;
        q.queueGCodeRequest("b");
        bench.mcu.flush(2.);
        assertEquals(List.of("1.00 a", "1.30 b"), applied);
    }

    @Test
    void againRepeatsTheRequestAfterItsWait() {
        GCodeRequestQueue<String> q = queue();
        bench.toolhead.printTime = 1.;
        q.queueGCodeRequest("kick");
        bench.mcu.flush(1.2);
        assertEquals(List.of("1.00 kick"), applied);
        bench.mcu.flush(1.5);
        assertEquals(List.of("1.00 kick", "1.50 kick"), applied);
    }

    @Test
    void aRequestQueuedDuringTheWaitOverridesTheRepeat() {
        GCodeRequestQueue<String> q = queue();
        bench.toolhead.printTime = 1.;
        q.queueGCodeRequest("kick");
        bench.toolhead.printTime = 1.2;
        q.queueGCodeRequest("b");
        bench.mcu.flush(5.);
        assertEquals(List.of("1.00 kick", "1.50 b"), applied);
    }

    @Test
    void asyncRequestsApplyAtOnceButKeepTheirSpacing() {
        GCodeRequestQueue<String> q = queue();
        q.sendAsyncRequest("kick", 2.);
        q.sendAsyncRequest("x", 2.1);
        assertEquals(List.of("2.00 kick", "2.50 kick", "2.60 x"), applied);
    }

    @Test
    void asyncWithoutTimeUsesTheMcuClockPlusScheduleTime() {
        GCodeRequestQueue<String> q = queue();
        bench.printer.reactor().advance(4.);
        q.sendAsyncRequest("a");
        assertEquals(List.of("4.10 a"), applied);
    }

    @Test
    void aRescheduledRequestIsAppliedOnceTheMcuIsFlushedToItsNewTime() {
        GCodeRequestQueue<String> q = queue();
        bench.toolhead.printTime = 1.;
        q.queueGCodeRequest("at1.25");
        bench.mcu.flush(1.2);
        assertEquals(List.of(), applied);
        assertEquals(List.of(1., 1.25), bench.toolhead.activity, "the toolhead is told to flush to the new time");
        bench.mcu.flush(1.3);
        assertEquals(List.of("1.25 at1.25"), applied);
        bench.toolhead.printTime = 1.3;
        q.queueGCodeRequest("b");
        bench.mcu.flush(2.);
        assertEquals(List.of("1.25 at1.25", "1.35 b"), applied, "spacing counts from the rescheduled time");
    }

    @Test
    void aRescheduledAsyncRequestIsAppliedAtItsNewTime() {
        GCodeRequestQueue<String> q = queue();
        q.sendAsyncRequest("at2.5", 2.);
        assertEquals(List.of("2.50 at2.5"), applied);
    }
}
