/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.QueuedSteps;

/** The sent-command history motion_report/dump_stepper reads (Klipper's stepcompress_extract_old). */
class StepCompressorHistoryTest {
    private static final double FREQ = 16_000_000.;

    private final List<RecordingCommand.Sent> sent = new ArrayList<>();
    private final StepCompressor sc = new StepCompressor(3);

    StepCompressorHistoryTest() {
        sc.fill(400, false, new RecordingCommand("queue_step", sent),
                new RecordingCommand("set_next_step_dir", sent));
        sc.setTime(0., FREQ);
    }

    /** 100 steps forward every 1 ms from t=0.1 s, then 10 back every 1 ms from t=0.3 s. */
    private void stepForwardThenBack() {
        for (int i = 0; i < 100; i++) {
            sc.append(1, 0.1, i * 0.001);
        }
        for (int i = 0; i < 10; i++) {
            sc.append(0, 0.3, i * 0.001);
        }
        sc.flush(Long.MAX_VALUE);
    }

    @Test
    void sentCommandsAreListedNewestFirstWithSignedCounts() {
        stepForwardThenBack();

        List<QueuedSteps> steps = sc.extractOld(10, 0, Long.MAX_VALUE);

        assertTrue(steps.size() >= 3, steps.toString());
        // oldest: the lone first step at 0.1 s, from position 0
        QueuedSteps first = steps.get(steps.size() - 1);
        assertEquals(new QueuedSteps(1_600_000, 1_600_000, 0, 1, 1_600_000, 0), first);
        // then the other 99 forward steps 1 ms apart
        QueuedSteps run = steps.get(steps.size() - 2);
        assertEquals(new QueuedSteps(1_616_000, 1_600_000 + 99 * 16_000, 1, 99, 16_000, 0), run);
        // the backward steps count down from position 100 and end at 90
        QueuedSteps newest = steps.get(0);
        assertTrue(newest.stepCount() < 0);
        assertEquals(4_800_000 + 9 * 16_000, newest.lastClock());
        int back = 0;
        for (QueuedSteps s : steps.subList(0, steps.size() - 2)) {
            back += s.stepCount();
        }
        assertEquals(-10, back);
        assertEquals(100, steps.get(steps.size() - 3).startPosition());
    }

    @Test
    void theClockWindowAndTheCountLimitTheExtract() {
        stepForwardThenBack();

        // only the forward run overlaps 2.0M..3.0M clocks
        List<QueuedSteps> window = sc.extractOld(10, 2_000_000, 3_000_000);
        assertEquals(1, window.size());
        assertEquals(99, window.get(0).stepCount());
        assertEquals(1, sc.extractOld(1, 0, Long.MAX_VALUE).size());
        assertTrue(sc.extractOld(10, 5_000_000, Long.MAX_VALUE).isEmpty());
    }

    @Test
    void aPositionResetIsAMarkerWithoutSteps() {
        stepForwardThenBack();
        sc.setLastPosition(1234);

        QueuedSteps marker = sc.extractOld(1, 0, Long.MAX_VALUE).get(0);

        assertEquals(0, marker.stepCount());
        assertEquals(1234, marker.startPosition());
        assertEquals(marker.firstClock(), marker.lastClock());
    }
}
