/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.motion.QueuedSteps;

/**
 * Turns step times of one stepper into {@code queue_step interval count add}
 * commands, each step within {@code max_error} ticks early of its exact time, and
 * {@code set_next_step_dir} on direction changes (Klipper's stepcompress). Queued
 * step clocks are 32-bit values compared relative to the last sent step, with the
 * same integer arithmetic as Klipper so the chunking matches.
 */
public final class StepCompressor {
    /** Largest clock distance between queued steps before a step is sent on its own. */
    static final long CLOCK_DIFF_MAX = 3L << 28;
    /** A step, a direction change and a step back within this time are dropped. */
    static final double SDS_FILTER_TIME = .000750;
    /** Empirical bound of the add change between quadratic sequences (Klipper uses 11). */
    private static final int QUADRATIC_DEV = 11;
    private static final int QUEUE_START_SIZE = 1024;
    private static final double HISTORY_EXPIRE = 30.0;

    private final int oid;
    private int maxError;
    private boolean invertDir;
    private McuCommand queueStepCmd;
    private McuCommand setDirCmd;

    private int[] queue = new int[QUEUE_START_SIZE];
    private int queuePos;
    private int queueNext;

    private double mcuTimeOffset;
    private double mcuFreq = 1.0;
    private double lastStepPrintTime;
    private long lastStepClock;
    private int sdir = -1;
    private long nextStepClock;
    private int nextStepDir;

    private long lastPosition;
    /** Newest first. */
    private final ArrayDeque<long[]> history = new ArrayDeque<>();

    final ArrayDeque<StepMessage> messages = new ArrayDeque<>();

    // result of compressBisectAdd, kept in fields so compression allocates nothing
    private int moveInterval;
    private int moveCount;
    private int moveAdd;

    public StepCompressor(int oid) {
        this.oid = oid;
        calcLastStepPrintTime();
    }

    /** Sets the error bound and the commands (looked up on the MCU at config time). */
    public void fill(int maxErrorTicks, boolean invertDir, McuCommand queueStepCmd, McuCommand setDirCmd) {
        this.maxError = maxErrorTicks;
        this.invertDir = invertDir;
        this.queueStepCmd = queueStepCmd;
        this.setDirCmd = setDirCmd;
    }

    /**
     * Flips the direction inversion; the direction the MCU is set to stays
     * valid, so the logical direction flips with it (Klipper's stepcompress_set_invert_sdir).
     */
    public void setInvertDir(boolean invert) {
        if (invert != invertDir) {
            invertDir = invert;
            if (sdir == 0 || sdir == 1) {
                sdir ^= 1;
            }
        }
    }

    public int getOid() {
        return oid;
    }

    /** The direction of the last step added (1 forward, 0 backward, -1 none yet). */
    public int getStepDir() {
        return nextStepDir;
    }

    public long getLastStepClock() {
        return lastStepClock;
    }

    public long getLastPosition() {
        return lastPosition;
    }

    public void setTime(double timeOffset, double freq) {
        this.mcuTimeOffset = timeOffset;
        this.mcuFreq = freq;
        calcLastStepPrintTime();
    }

    public double getMcuFreq() {
        return mcuFreq;
    }

    private void calcLastStepPrintTime() {
        double lsc = lastStepClock;
        lastStepPrintTime = mcuTimeOffset + (lsc - .5) / mcuFreq;
        if (lsc > mcuFreq * HISTORY_EXPIRE) {
            expireHistory((long) (lsc - mcuFreq * HISTORY_EXPIRE));
        }
    }

    // ---------------------------------------------------------------- compression

    /** Lowest acceptable clock (relative to lastStepClock) of the step at {@code pos}; the highest is the step itself. */
    private int minPoint(int pos) {
        int lsc = (int) lastStepClock;
        int point = queue[pos] - lsc;
        int prevpoint = pos > queuePos ? queue[pos - 1] - lsc : 0;
        int err = (point - prevpoint) >>> 1;
        if (Integer.compareUnsigned(err, maxError) > 0) {
            err = maxError;
        }
        return point - err;
    }

    private int maxPoint(int pos) {
        return queue[pos] - (int) lastStepClock;
    }

    private static int divRoundUp(int n, int d) {
        return (n + d - 1) / d;
    }

    private static int idivUp(int n, int d) {
        return n >= 0 ? divRoundUp(n, d) : n / d;
    }

    private static int idivDown(int n, int d) {
        return n >= 0 ? n / d : (n - d + 1) / d;
    }

    /** Finds the interval/count/add covering the most queued steps (Klipper's bisection on add). */
    private void compressBisectAdd() {
        int qlast = queueNext;
        if (qlast > queuePos + 65535) {
            qlast = queuePos + 65535;
        }
        int outerMinInterval = minPoint(queuePos);
        int outerMaxInterval = maxPoint(queuePos);
        int add = 0;
        int minadd = -0x8000;
        int maxadd = 0x7fff;
        int bestinterval = 0;
        int bestcount = 1;
        int bestadd = 1;
        int bestreach = Integer.MIN_VALUE;
        int zerointerval = 0;
        int zerocount = 0;

        while (true) {
            // longest valid sequence with this add
            int nextMinP = 0;
            int nextMaxP = 0;
            int nextmininterval = outerMinInterval;
            int nextmaxinterval = outerMaxInterval;
            int interval = nextmaxinterval;
            int nextcount = 1;
            while (true) {
                nextcount++;
                if (queuePos + nextcount - 1 >= qlast) {
                    setMove(interval, nextcount - 1, add);
                    return;
                }
                int p = queuePos + nextcount - 1;
                nextMinP = minPoint(p);
                nextMaxP = maxPoint(p);
                int nextaddfactor = nextcount * (nextcount - 1) / 2;
                int c = add * nextaddfactor;
                if (nextmininterval * nextcount < nextMinP - c) {
                    nextmininterval = idivUp(nextMinP - c, nextcount);
                }
                if (nextmaxinterval * nextcount > nextMaxP - c) {
                    nextmaxinterval = idivDown(nextMaxP - c, nextcount);
                }
                if (nextmininterval > nextmaxinterval) {
                    break;
                }
                interval = nextmaxinterval;
            }

            int count = nextcount - 1;
            int addfactor = count * (count - 1) / 2;
            int reach = add * addfactor + interval * count;
            if (reach > bestreach || (reach == bestreach && interval > bestinterval)) {
                bestinterval = interval;
                bestcount = count;
                bestadd = add;
                bestreach = reach;
                if (add == 0) {
                    zerointerval = interval;
                    zerocount = count;
                }
                if (count > 0x200) {
                    // no add can do better; also avoids integer overflow
                    break;
                }
            }

            // would a larger or smaller add reach further?
            int nextaddfactor = nextcount * (nextcount - 1) / 2;
            int nextreach = add * nextaddfactor + interval * nextcount;
            if (nextreach < nextMinP) {
                minadd = add + 1;
                outerMaxInterval = nextmaxinterval;
            } else {
                maxadd = add - 1;
                outerMinInterval = nextmininterval;
            }

            if (count > 1) {
                int errdelta = maxError * QUADRATIC_DEV / (count * count);
                if (minadd < add - errdelta) {
                    minadd = add - errdelta;
                }
                if (maxadd > add + errdelta) {
                    maxadd = add + errdelta;
                }
            }

            int c = outerMaxInterval * nextcount;
            if (minadd * nextaddfactor < nextMinP - c) {
                minadd = idivUp(nextMinP - c, nextaddfactor);
            }
            c = outerMinInterval * nextcount;
            if (maxadd * nextaddfactor > nextMaxP - c) {
                maxadd = idivDown(nextMaxP - c, nextaddfactor);
            }

            if (minadd > maxadd) {
                break;
            }
            add = maxadd - (maxadd - minadd) / 4;
        }
        if (zerocount + zerocount / 16 >= bestcount) {
            // prefer add=0 when it is about as good
            setMove(zerointerval, zerocount, 0);
        } else {
            setMove(bestinterval, bestcount, bestadd);
        }
    }

    private void setMove(int interval, int count, int add) {
        moveInterval = interval;
        moveCount = count;
        moveAdd = add;
    }

    /** Verifies the chosen sequence hits every step within its window. */
    private void checkLine() {
        if (moveCount == 0 || (moveInterval == 0 && moveAdd == 0 && moveCount > 1) || moveInterval < 0) {
            throw new StepCompressException(String.format("stepcompress o=%d i=%d c=%d a=%d: Invalid sequence",
                    oid, moveInterval, moveCount, moveAdd));
        }
        int interval = moveInterval;
        int p = 0;
        for (int i = 0; i < moveCount; i++) {
            int minp = minPoint(queuePos + i);
            int maxp = maxPoint(queuePos + i);
            p += interval;
            if (p < minp || p > maxp) {
                throw new StepCompressException(String.format(
                        "stepcompress o=%d i=%d c=%d a=%d: Point %d: %d not in %d:%d", oid, moveInterval, moveCount,
                        moveAdd, i + 1, p, minp, maxp));
            }
            if (interval < 0) {
                throw new StepCompressException(String.format(
                        "stepcompress o=%d i=%d c=%d a=%d: Point %d: interval overflow %d", oid, moveInterval,
                        moveCount, moveAdd, i + 1, interval));
            }
            interval += moveAdd;
        }
    }

    private void addMove(long firstClock, int interval, int count, int add) {
        int addfactor = count * (count - 1) / 2;
        long ticks = (add * addfactor + interval * (count - 1)) & 0xffffffffL;
        long lastClock = firstClock + ticks;
        long reqClock = lastStepClock;
        if (count == 1 && firstClock >= lastStepClock + CLOCK_DIFF_MAX) {
            reqClock = firstClock;
        }
        messages.addLast(new StepMessage(queueStepCmd, new Object[] {oid, (long) interval & 0xffffffffL, count, add},
                lastStepClock, reqClock));
        lastStepClock = lastClock;
        int stepCount = sdir != 0 ? count : -count;
        history.addFirst(new long[] {firstClock, lastClock, lastPosition, stepCount, interval, add});
        lastPosition += stepCount;
    }

    /** Compresses queued steps into commands until the last sent step reaches {@code moveClock}. */
    private void queueFlush(long moveClock) {
        if (queuePos >= queueNext) {
            return;
        }
        while (lastStepClock < moveClock) {
            compressBisectAdd();
            checkLine();
            addMove(lastStepClock + (moveInterval & 0xffffffffL), moveInterval, moveCount, moveAdd);
            if (queuePos + moveCount >= queueNext) {
                queuePos = 0;
                queueNext = 0;
                break;
            }
            queuePos += moveCount;
        }
        calcLastStepPrintTime();
    }

    private void flushFar(long absStepClock) {
        addMove(absStepClock, (int) (absStepClock - lastStepClock), 1, 0);
        calcLastStepPrintTime();
    }

    private void setNextStepDir(int dir) {
        if (sdir == dir) {
            return;
        }
        queueFlush(Long.MAX_VALUE);
        sdir = dir;
        messages.addLast(new StepMessage(setDirCmd, new Object[] {oid, dir ^ (invertDir ? 1 : 0)}, 0, lastStepClock));
    }

    private void queueAppendFar() {
        long stepClock = nextStepClock;
        nextStepClock = 0;
        queueFlush(stepClock - CLOCK_DIFF_MAX + 1);
        if (stepClock >= lastStepClock + CLOCK_DIFF_MAX) {
            flushFar(stepClock);
            return;
        }
        push(stepClock);
    }

    private void push(long stepClock) {
        if (queueNext >= queue.length) {
            makeRoom();
        }
        queue[queueNext++] = (int) stepClock;
    }

    private void makeRoom() {
        if (queueNext - queuePos > 65535 + 2000) {
            // no point keeping more than 64K steps in memory
            int flush = queue[queueNext - 65535] - (int) lastStepClock;
            queueFlush(lastStepClock + (flush & 0xffffffffL));
        }
        if (queueNext < queue.length) {
            return;
        }
        int inUse = queueNext - queuePos;
        if (queuePos > 0) {
            System.arraycopy(queue, queuePos, queue, 0, inUse);
        } else {
            int alloc = queue.length;
            while (inUse >= alloc) {
                alloc *= 2;
            }
            int[] bigger = new int[alloc];
            System.arraycopy(queue, 0, bigger, 0, inUse);
            queue = bigger;
        }
        queuePos = 0;
        queueNext = inUse;
    }

    private void queueAppend() {
        if (nextStepDir != sdir) {
            setNextStepDir(nextStepDir);
        }
        if (nextStepClock >= lastStepClock + CLOCK_DIFF_MAX) {
            queueAppendFar();
            return;
        }
        if (queueNext >= queue.length) {
            makeRoom();
        }
        queue[queueNext++] = (int) nextStepClock;
        nextStepClock = 0;
    }

    /** Adds a step at {@code printTime + stepTime} in direction {@code dir} (1 forward). */
    public void append(int dir, double printTime, double stepTime) {
        double offset = printTime - lastStepPrintTime;
        double relSc = (stepTime + offset) * mcuFreq;
        long stepClock = lastStepClock + (long) relSc;
        if (nextStepClock != 0) {
            if (dir != nextStepDir) {
                double diff = stepClock - nextStepClock;
                if (diff < SDS_FILTER_TIME * mcuFreq) {
                    // step, direction change and step back: drop both
                    nextStepClock = 0;
                    nextStepDir = dir;
                    return;
                }
            }
            queueAppend();
        }
        nextStepClock = stepClock;
        nextStepDir = dir;
    }

    /** Makes the pending step final (it can no longer be cancelled by a quick reversal). */
    public void commit() {
        if (nextStepClock != 0) {
            queueAppend();
        }
    }

    /** Converts every step due before {@code moveClock} into commands. */
    public void flush(long moveClock) {
        if (nextStepClock != 0 && moveClock >= nextStepClock) {
            queueAppend();
        }
        queueFlush(moveClock);
    }

    /** Flushes and restarts step timing from {@code clock} (after the MCU's step clock was reset). */
    public void reset(long clock) {
        flush(Long.MAX_VALUE);
        lastStepClock = clock;
        sdir = -1;
        calcLastStepPrintTime();
    }

    /** Flushes and sets the step position counter. */
    public void setLastPosition(long position) {
        flush(Long.MAX_VALUE);
        lastPosition = position;
        history.addFirst(new long[] {lastStepClock, lastStepClock, position, 0, 0, 0});
    }

    /** Queues another command of this stepper in order with its steps. */
    public void queueMessage(McuCommand command, Object... args) {
        flush(Long.MAX_VALUE);
        messages.addLast(new StepMessage(command, args, 0, lastStepClock));
    }

    /** The step position at a past clock, from the sent commands. */
    public long findPastPosition(long clock) {
        long pos = lastPosition;
        for (long[] hs : history) {
            long first = hs[0];
            long last = hs[1];
            long start = hs[2];
            long stepCount = hs[3];
            if (clock < first) {
                pos = start;
                continue;
            }
            if (clock >= last) {
                return start + stepCount;
            }
            long interval = hs[4];
            long add = hs[5];
            long ticks = clock - first + interval;
            long offset;
            if (add == 0) {
                offset = ticks / interval;
            } else {
                double a = .5 * add;
                double b = interval - .5 * add;
                double c = -ticks;
                offset = (long) ((Math.sqrt(b * b - 4 * a * c) - b) / (2. * a));
            }
            return stepCount < 0 ? start - offset : start + offset;
        }
        return pos;
    }

    /** Up to {@code max} sent commands overlapping {@code (startClock, endClock)}, newest first. */
    public List<QueuedSteps> extractOld(int max, long startClock, long endClock) {
        List<QueuedSteps> out = new ArrayList<>();
        for (long[] hs : history) {
            if (startClock >= hs[1] || out.size() >= max) {
                break;
            }
            if (endClock <= hs[0]) {
                continue;
            }
            out.add(new QueuedSteps(hs[0], hs[1], hs[2], (int) hs[3], (int) hs[4], (int) hs[5]));
        }
        return out;
    }

    private void expireHistory(long endClock) {
        while (!history.isEmpty() && history.peekLast()[1] <= endClock) {
            history.removeLast();
        }
    }
}
