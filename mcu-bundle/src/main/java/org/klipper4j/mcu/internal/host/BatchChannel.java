/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.protocol.BatchOutputWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Batch mode: messages go to the output file in message blocks, in the order sent; nothing is read. */
final class BatchChannel implements McuChannel {
    private static final Logger LOG = LoggerFactory.getLogger(BatchChannel.class);

    private final BatchOutputWriter writer;
    private final Path file;
    /** After disconnect: late messages (other disconnect handlers) are still written, each flushed. */
    private volatile boolean disconnected;

    BatchChannel(Path file) {
        this.file = file;
        try {
            this.writer = BatchOutputWriter.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to open output file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(byte[] msg, int off, int len, CommandQueue queue, long minClock, long reqClock) {
        writer.send(msg, off, len);
        if (disconnected) {
            writer.flush();
        }
    }

    @Override
    public void registerResponse(String name, Integer oid, McuResponseHandler handler) {
        // nothing is ever received in batch mode
    }

    @Override
    public String stats() {
        return "bytes_write=" + writer.bytesWritten() + " bytes_read=0 bytes_retransmit=0 bytes_invalid=0"
                + " send_seq=" + writer.nextSequence() + " receive_seq=" + writer.nextSequence()
                + " retransmit_seq=0 srtt=0.000 rttvar=0.000 rto=0.025 ready_bytes=0 upcoming_bytes=0";
    }

    @Override
    public void close() {
        // flushed, not closed: handlers that run after ours may still send (the process exits after a batch run)
        disconnected = true;
        try {
            writer.flush();
        } catch (UncheckedIOException e) {
            LOG.error("Unable to finish output file {}: {}", file, e.getMessage());
        }
    }
}
