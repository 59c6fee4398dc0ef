/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.faults;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.klipper4j.core.api.mcu.McuLink;

/**
 * A link that damages the bytes between host and board, as a noisy serial line would:
 * each byte, in either direction, is with probability {@code rate} dropped, corrupted
 * (one bit flipped), duplicated or delayed (the line stalls 0.5..5 ms before it, later
 * bytes wait behind it). Decisions come from seeded generators, one per direction.
 */
public final class FaultyLink implements McuLink {
    private static final long MIN_DELAY_NANOS = 500_000L;
    private static final long MAX_DELAY_NANOS = 5_000_000L;

    /** What the link did to the bytes, per kind, both directions together. */
    public final AtomicLong dropped = new AtomicLong();
    public final AtomicLong corrupted = new AtomicLong();
    public final AtomicLong duplicated = new AtomicLong();
    public final AtomicLong delayed = new AtomicLong();

    private final McuLink inner;
    private final Direction toBoard;
    private final Direction toHost;
    private final Thread boardWriter;
    private final Thread hostFeeder;
    private volatile double rate;
    private volatile boolean closed;

    public FaultyLink(McuLink inner, double rate, long seed) {
        this.inner = inner;
        this.rate = rate;
        this.toBoard = new Direction(new Random(seed));
        this.toHost = new Direction(new Random(seed * 31 + 7));
        this.boardWriter = new Thread(this::pumpToBoard, "faulty-link-to-board");
        this.hostFeeder = new Thread(this::pumpFromBoard, "faulty-link-to-host");
        boardWriter.setDaemon(true);
        hostFeeder.setDaemon(true);
        boardWriter.start();
        hostFeeder.start();
    }

    /** Changes the fault rate (0 makes the link clean). */
    public void setRate(double rate) {
        this.rate = rate;
    }

    public long faults() {
        return dropped.get() + corrupted.get() + duplicated.get() + delayed.get();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("link closed");
        }
        toBoard.offer(data, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        return toHost.take(buffer, offset, length, timeoutMillis);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        toBoard.end();
        toHost.end();
        inner.close();
    }

    private void pumpToBoard() {
        byte[] buf = new byte[256];
        try {
            for (;;) {
                int n = toBoard.take(buf, 0, buf.length, 50);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    inner.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            toHost.end();
        }
    }

    private void pumpFromBoard() {
        byte[] buf = new byte[256];
        try {
            for (;;) {
                int n = inner.read(buf, 0, buf.length, 50);
                if (n < 0) {
                    break;
                }
                toHost.offer(buf, 0, n);
            }
        } catch (IOException e) {
            // the board side is gone: the host sees the link end
        }
        toHost.end();
    }

    /** One direction: damaged bytes waiting for their delivery time, in order. */
    private final class Direction {
        private final Random random;
        private final ArrayDeque<long[]> pending = new ArrayDeque<>();
        private long lineFreeAt;
        private boolean ended;

        Direction(Random random) {
            this.random = random;
        }

        synchronized void offer(byte[] data, int offset, int length) {
            long now = System.nanoTime();
            for (int i = 0; i < length; i++) {
                int b = data[offset + i] & 0xff;
                double r = rate;
                if (r > 0 && random.nextDouble() < r) {
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            dropped.incrementAndGet();
                            continue;
                        }
                        case 1 -> {
                            corrupted.incrementAndGet();
                            b ^= 1 << random.nextInt(8);
                        }
                        case 2 -> {
                            duplicated.incrementAndGet();
                            enqueue(b, now);
                        }
                        default -> {
                            delayed.incrementAndGet();
                            lineFreeAt = Math.max(lineFreeAt, now)
                                    + MIN_DELAY_NANOS + (long) (random.nextDouble() * (MAX_DELAY_NANOS - MIN_DELAY_NANOS));
                        }
                    }
                }
                enqueue(b, now);
            }
            notifyAll();
        }

        private void enqueue(int b, long now) {
            lineFreeAt = Math.max(lineFreeAt, now);
            pending.add(new long[] {lineFreeAt, b});
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Bytes due now, waiting up to {@code timeoutMillis} for the first; -1 once ended and drained. */
        synchronized int take(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            for (;;) {
                long now = System.nanoTime();
                int n = 0;
                while (n < length && !pending.isEmpty() && pending.peek()[0] <= now) {
                    buffer[offset + n++] = (byte) pending.poll()[1];
                }
                if (n > 0) {
                    return n;
                }
                if (ended && (closed || pending.isEmpty())) {
                    return -1;
                }
                long wait = deadline - now;
                if (!pending.isEmpty()) {
                    wait = Math.min(wait, pending.peek()[0] - now);
                }
                if (wait <= 0) {
                    return 0;
                }
                try {
                    wait(Math.max(1, wait / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
    }
}
