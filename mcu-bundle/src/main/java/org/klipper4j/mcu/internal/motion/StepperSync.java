/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.klipper4j.core.api.mcu.Mcu;

/**
 * Sends the step commands of one MCU in request-clock order, never more
 * move-queue commands than the firmware's {@code move_count} can hold (Klipper's
 * steppersync): a min-heap tracks when each firmware queue slot frees up.
 */
public final class StepperSync {
    /** Klipper's move_count when the MCU does not report one (batch mode). */
    public static final int DEFAULT_MOVE_COUNT = 500;

    private final Mcu mcu;
    private final List<StepperEmitter> emitters = new ArrayList<>();
    private long[] moveClocks = new long[DEFAULT_MOVE_COUNT];
    private double timeOffset;
    private double mcuFreq;

    public StepperSync(Mcu mcu, double mcuFreq) {
        this.mcu = mcu;
        this.mcuFreq = mcuFreq;
    }

    public Mcu getMcu() {
        return mcu;
    }

    void addEmitter(StepperEmitter emitter) {
        emitters.add(emitter);
        emitter.compressor().setTime(timeOffset, mcuFreq);
    }

    List<StepperEmitter> emitters() {
        return emitters;
    }

    public void setupMoveQueue(int moveCount) {
        moveClocks = new long[moveCount];
    }

    public void setTime(double offset, double freq) {
        this.timeOffset = offset;
        this.mcuFreq = freq;
        for (StepperEmitter e : emitters) {
            e.compressor().setTime(offset, freq);
        }
    }

    public long clockFromTime(double printTime) {
        return (long) ((printTime - timeOffset) * mcuFreq);
    }

    /** Heap replace of the earliest free slot with {@code reqClock}. */
    private void heapReplace(long reqClock) {
        long[] mc = moveClocks;
        int nmc = mc.length;
        int pos = 0;
        while (true) {
            int c1 = 2 * pos + 1;
            int c2 = 2 * pos + 2;
            long c2Clock = c2 < nmc ? mc[c2] : Long.MAX_VALUE;
            long c1Clock = c1 < nmc ? mc[c1] : Long.MAX_VALUE;
            if (reqClock <= c1Clock && reqClock <= c2Clock) {
                mc[pos] = reqClock;
                break;
            }
            if (c1Clock < c2Clock) {
                mc[pos] = c1Clock;
                pos = c1;
            } else {
                mc[pos] = c2Clock;
                pos = c2;
            }
        }
    }

    /** Sends queued commands due before {@code moveClock}, in request-clock order. */
    public void flush(long moveClock) {
        while (true) {
            StepMessage best = null;
            StepperEmitter from = null;
            for (StepperEmitter e : emitters) {
                StepMessage m = e.compressor().messages.peekFirst();
                if (m != null && (best == null || m.reqClock < best.reqClock)) {
                    best = m;
                    from = e;
                }
            }
            if (best == null || (best.minClock != 0 && best.reqClock > moveClock)) {
                break;
            }
            long nextAvail = moveClocks[0];
            if (best.minClock != 0) {
                // a move-queue command: its slot frees when it starts
                heapReplace(best.minClock);
            }
            from.compressor().messages.removeFirst();
            best.command.sendScheduled(nextAvail, best.reqClock, best.args);
        }
    }

    /** For tests: the clocks at which firmware move-queue slots free up. */
    long[] moveClocksSnapshot() {
        long[] copy = Arrays.copyOf(moveClocks, moveClocks.length);
        Arrays.sort(copy);
        return copy;
    }
}
