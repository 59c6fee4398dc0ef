/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StepCompressorTest {
    private static final double FREQ = 16_000_000.;
    private static final int MAX_ERROR = 400; // 25us at 16MHz

    private final List<RecordingCommand.Sent> sent = new ArrayList<>();
    private final StepCompressor sc = new StepCompressor(7);

    StepCompressorTest() {
        sc.fill(MAX_ERROR, false, new RecordingCommand("queue_step", sent),
                new RecordingCommand("set_next_step_dir", sent));
        sc.setTime(0., FREQ);
    }

    private void drain() {
        while (!sc.messages.isEmpty()) {
            StepMessage m = sc.messages.removeFirst();
            m.command.sendScheduled(m.minClock, m.reqClock, m.args);
        }
    }

    @Test
    void constantIntervalStepsBecomeOneCommandWithoutAdd() {
        // 100 steps every 1ms starting at t=0.1s
        for (int i = 0; i < 100; i++) {
            sc.append(1, 0.1, i * 0.001);
        }
        sc.flush(Long.MAX_VALUE);
        drain();
        assertEquals("set_next_step_dir", sent.get(0).name());
        assertEquals(1, sent.get(0).arg(1));
        // the first step stands alone (it is far from clock 0), the rest are one sequence
        assertEquals(3, sent.size(), sent.toString());
        assertEquals(1600000, sent.get(1).arg(1));
        assertEquals(1, sent.get(1).arg(2));
        assertEquals(16000, sent.get(2).arg(1));
        assertEquals(99, sent.get(2).arg(2));
        assertEquals(0, sent.get(2).arg(3));
    }

    @Test
    void acceleratingStepsAreReproducedWithinMaxError() {
        // steps of a move accelerating from rest at 3000 mm/s^2 with 0.0125 mm steps
        double accel = 3000;
        double stepDist = 0.0125;
        List<Long> exact = new ArrayList<>();
        for (int k = 1; k <= 2000; k++) {
            double t = Math.sqrt(2 * (k - .5) * stepDist / accel);
            sc.append(1, 1.0, t);
            exact.add((long) Math.floor((1.0 + t) * FREQ + .5));
        }
        sc.flush(Long.MAX_VALUE);
        drain();
        List<Long> got = RecordingCommand.expandSteps(sent, 7);
        assertEquals(exact.size(), got.size());
        for (int i = 0; i < exact.size(); i++) {
            long diff = exact.get(i) - got.get(i);
            assertTrue(diff >= 0 && diff <= MAX_ERROR, "step " + i + " off by " + diff);
        }
        long queueSteps = sent.stream().filter(s -> s.name().equals("queue_step")).count();
        assertTrue(queueSteps < 200, "compression too weak: " + queueSteps + " commands");
    }

    @Test
    void directionChangeSendsSetNextStepDirBetweenSteps() {
        for (int i = 0; i < 10; i++) {
            sc.append(1, 0.0, 0.010 + i * 0.001);
        }
        for (int i = 0; i < 10; i++) {
            sc.append(0, 0.0, 0.030 + i * 0.001);
        }
        sc.flush(Long.MAX_VALUE);
        drain();
        List<Long> got = RecordingCommand.expandSteps(sent, 7);
        assertEquals(20, got.size());
        assertTrue(got.subList(0, 10).stream().allMatch(c -> c > 0));
        assertTrue(got.subList(10, 20).stream().allMatch(c -> c < 0));
        long dirCommands = sent.stream().filter(s -> s.name().equals("set_next_step_dir")).count();
        assertEquals(2, dirCommands);
        assertEquals(10 - 10, sc.getLastPosition());
    }

    @Test
    void quickStepBackIsFilteredOut() {
        sc.append(1, 0.0, 0.010);
        sc.append(1, 0.0, 0.011);
        // reversal 0.2ms later: the last forward step and this one cancel out
        sc.append(0, 0.0, 0.0112);
        sc.append(1, 0.0, 0.020);
        sc.flush(Long.MAX_VALUE);
        drain();
        List<Long> got = RecordingCommand.expandSteps(sent, 7);
        assertEquals(List.of(160000L, 320000L), got);
    }

    @Test
    void invertedDirectionPinFlipsTheDirBit() {
        sc.fill(MAX_ERROR, true, new RecordingCommand("queue_step", sent),
                new RecordingCommand("set_next_step_dir", sent));
        sc.append(1, 0.0, 0.010);
        sc.flush(Long.MAX_VALUE);
        drain();
        assertEquals(0, sent.get(0).arg(1));
    }

    @Test
    void flippingTheInversionKeepsTheMcuDirectionUntilTheLogicalDirectionChanges() {
        sc.fill(MAX_ERROR, false, new RecordingCommand("queue_step", sent),
                new RecordingCommand("set_next_step_dir", sent));
        sc.append(1, 0.0, 0.010);
        sc.flush(Long.MAX_VALUE);
        sc.setInvertDir(true);
        // the same pin level now means the other logical direction: dir 0 needs no new command
        sc.append(0, 0.0, 0.020);
        sc.append(1, 0.0, 0.030);
        sc.flush(Long.MAX_VALUE);
        drain();
        List<Long> dirs = sent.stream().filter(c -> c.name().equals("set_next_step_dir"))
                .map(c -> c.arg(1)).toList();
        assertEquals(List.of(1L, 0L), dirs);
    }

    @Test
    void flushStopsAtTheRequestedClock() {
        for (int i = 0; i < 10; i++) {
            sc.append(1, 0.0, 0.010 * (i + 1));
        }
        sc.flush((long) (0.035 * FREQ));
        drain();
        List<Long> got = RecordingCommand.expandSteps(sent, 7);
        assertTrue(got.size() >= 3 && got.size() < 10, got.toString());
        assertTrue(sc.getLastStepClock() >= (long) (0.035 * FREQ) - MAX_ERROR);
    }

    @Test
    void farStepIsSentAlone() {
        sc.append(1, 0.0, 0.010);
        sc.append(1, 0.0, 100.0); // more than CLOCK_DIFF_MAX ticks later
        sc.flush(Long.MAX_VALUE);
        drain();
        List<Long> got = RecordingCommand.expandSteps(sent, 7);
        assertEquals(List.of(160000L, 1_600_000_000L), got);
    }

    @Test
    void pastPositionFollowsTheSentSteps() {
        for (int i = 0; i < 10; i++) {
            sc.append(1, 0.0, 0.010 + i * 0.001);
        }
        sc.flush(Long.MAX_VALUE);
        assertEquals(0, sc.findPastPosition(100));
        assertEquals(10, sc.findPastPosition((long) (1.0 * FREQ)));
        assertEquals(5, sc.findPastPosition((long) (0.0145 * FREQ)));
    }
}
