/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Batch mode output: every message that would go to the MCU is written to a file in real
 * message blocks, as Klipper's serial queue writes them in file-output mode: sequence
 * numbers start at 1 and count up per block (no acks are awaited), and a block takes
 * messages in the order sent until the next one would make it longer than 64 bytes.
 * Unlike Klipper, block boundaries depend only on the messages, so output is reproducible.
 */
public final class BatchOutputWriter implements Closeable {
    private final OutputStream out;
    private final byte[] block = new byte[MessageBlock.MAX_SIZE];
    private int contentLen;
    private long sendSeq = 1;
    private long blocksWritten;
    private long bytesWritten;
    private boolean closed;

    public BatchOutputWriter(OutputStream out) {
        this.out = out;
    }

    /** A writer to a new (or truncated) file. */
    public static BatchOutputWriter open(Path file) throws IOException {
        return new BatchOutputWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    public void send(byte[] message) {
        send(message, 0, message.length);
    }

    /** Queues one encoded message (command id and parameters). */
    public synchronized void send(byte[] message, int off, int len) {
        if (closed) {
            throw new IllegalStateException("Batch output is closed");
        }
        if (len <= 0 || len > MessageBlock.MAX_PAYLOAD) {
            throw new ProtocolException("Message of " + len + " bytes; a message block carries 1 to "
                    + MessageBlock.MAX_PAYLOAD);
        }
        if (contentLen + len > MessageBlock.MAX_PAYLOAD) {
            writeBlock();
        }
        System.arraycopy(message, off, block, MessageBlock.HEADER_SIZE + contentLen, len);
        contentLen += len;
    }

    /** Writes the partly filled block, if any, and flushes the stream. */
    public synchronized void flush() {
        if (contentLen > 0) {
            writeBlock();
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to write batch output", e);
        }
    }

    private void writeBlock() {
        int len = MessageBlock.frameInPlace(block, contentLen, sendSeq);
        try {
            out.write(block, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to write batch output", e);
        }
        sendSeq++;
        blocksWritten++;
        bytesWritten += len;
        contentLen = 0;
    }

    /** The sequence number the next block gets (before masking to 4 bits). */
    public synchronized long nextSequence() {
        return sendSeq;
    }

    public synchronized long blocksWritten() {
        return blocksWritten;
    }

    public synchronized long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            out.close();
        }
    }
}
