/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

import org.klipper4j.core.api.mcu.McuLink;

/** The host's end of an in-process serial line to a virtual board. */
public final class PipeLink implements McuLink {
    private final Consumer<byte[]> toBoard;
    private final Consumer<PipeLink> onClose;
    private byte[] pending = new byte[4096];
    private int start;
    private int end;
    private boolean closed;

    /** @param toBoard takes the host's bytes; @param onClose told when this end closes */
    public PipeLink(Consumer<byte[]> toBoard, Consumer<PipeLink> onClose) {
        this.toBoard = toBoard;
        this.onClose = onClose;
    }

    /** Bytes from the board, waiting to be read by the host. */
    public synchronized void deliver(byte[] data) {
        if (closed) {
            return;
        }
        if (end + data.length > pending.length) {
            int used = end - start;
            byte[] next = used + data.length > pending.length
                    ? new byte[Math.max(pending.length * 2, used + data.length)] : pending;
            System.arraycopy(pending, start, next, 0, used);
            pending = next;
            start = 0;
            end = used;
        }
        System.arraycopy(data, 0, pending, end, data.length);
        end += data.length;
        notifyAll();
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (start == end && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            try {
                wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading from the virtual MCU", e);
            }
        }
        if (start == end) {
            return -1;
        }
        int n = Math.min(length, end - start);
        System.arraycopy(pending, start, buffer, offset, n);
        start += n;
        return n;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("The link to the virtual MCU is closed");
            }
        }
        toBoard.accept(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        onClose.accept(this);
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
