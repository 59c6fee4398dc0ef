/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StepperSyncTest {
    private static final double FREQ = 16_000_000.;
    private final List<RecordingCommand.Sent> sent = new ArrayList<>();
    private final StepperSync sync = new StepperSync(null, FREQ);

    private StepCompressor add(int oid) {
        StepCompressor sc = new StepCompressor(oid);
        sc.fill(400, false, new RecordingCommand("queue_step", sent), new RecordingCommand("set_next_step_dir", sent));
        sync.addEmitter(new StepperEmitter("s" + oid, new IterativeSolver(), sc));
        return sc;
    }

    @Test
    void commandsOfSeveralSteppersGoOutInRequestClockOrder() {
        StepCompressor a = add(1);
        StepCompressor b = add(2);
        // a steps at 10, 30, 50 ms with gaps that defeat compression; b at 20, 40 ms
        a.append(1, 0, 0.010);
        a.append(1, 0, 0.030);
        a.append(1, 0, 0.031);
        b.append(1, 0, 0.020);
        b.append(1, 0, 0.040);
        b.append(1, 0, 0.041);
        a.flush(Long.MAX_VALUE);
        b.flush(Long.MAX_VALUE);
        sync.flush(Long.MAX_VALUE);
        long last = -1;
        for (RecordingCommand.Sent s : sent) {
            assertTrue(s.reqClock() >= last, sent.toString());
            last = s.reqClock();
        }
        assertEquals(6, RecordingCommand.expandSteps(sent, 1).size() + RecordingCommand.expandSteps(sent, 2).size());
    }

    @Test
    void neverMoreQueuedMovesThanTheFirmwareHolds() {
        sync.setupMoveQueue(2);
        StepCompressor a = add(1);
        // uneven gaps so every step is its own queue_step
        double t = 0.01;
        for (int i = 0; i < 6; i++) {
            t += 0.01 * (i % 2 == 0 ? 1 : 3);
            a.append(1, 0, t);
        }
        a.flush(Long.MAX_VALUE);
        sync.flush(Long.MAX_VALUE);
        List<RecordingCommand.Sent> steps = sent.stream().filter(s -> s.name().equals("queue_step")).toList();
        assertTrue(steps.size() >= 4, steps.toString());
        // the third command may not be sent before the first one has started (its slot frees)
        for (int i = 2; i < steps.size(); i++) {
            assertTrue(steps.get(i).minClock() >= steps.get(i - 2).reqClock(), "command " + i);
        }
        assertEquals(0, steps.get(0).minClock());
    }

    @Test
    void flushKeepsCommandsDueLater() {
        StepCompressor a = add(1);
        a.append(1, 0, 0.010);
        a.append(1, 0, 0.500);
        a.append(1, 0, 0.700);
        a.flush(Long.MAX_VALUE);
        sync.flush((long) (0.1 * FREQ));
        int before = sent.size();
        sync.flush(Long.MAX_VALUE);
        assertTrue(sent.size() > before);
    }
}
