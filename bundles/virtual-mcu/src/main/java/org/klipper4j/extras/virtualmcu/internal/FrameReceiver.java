/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.Arrays;

import org.klipper4j.mcu.protocol.Crc16;
import org.klipper4j.mcu.protocol.MessageBlock;

/**
 * Finds message blocks in the received byte stream as the firmware does: a valid block
 * with the expected sequence number is dispatched and acknowledged; a block with another
 * sequence number is dropped and answered with a nak (an ack of the expected number); on
 * garbage, bytes up to the next sync byte are dropped and one nak is sent until a valid
 * block arrives. Leading sync bytes are skipped silently.
 */
final class FrameReceiver {
    interface Handler {
        /** A valid, in-sequence block; content is {@code buf[off..off+len)}. */
        void onBlock(byte[] buf, int off, int len);

        /** Send an ack (an empty block) carrying the next expected sequence number. */
        void sendAck();
    }

    private final Handler handler;
    private byte[] buf = new byte[256];
    private int fill;
    private int nextSeq;
    private boolean needSync;
    private boolean needValid;

    FrameReceiver(Handler handler) {
        this.handler = handler;
    }

    /** The sequence number the next block must carry (and every sent block carries). */
    int nextSequence() {
        return nextSeq;
    }

    void feed(byte[] data, int off, int len) {
        if (fill + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, fill + len));
        }
        System.arraycopy(data, off, buf, fill, len);
        fill += len;
        int start = 0;
        for (;;) {
            int pop = findBlock(start);
            if (pop == 0) {
                break;
            }
            start += pop;
        }
        System.arraycopy(buf, start, buf, 0, fill - start);
        fill -= start;
    }

    /** Handles what starts at {@code pos}; returns the bytes consumed (0: wait for more). */
    private int findBlock(int pos) {
        int avail = fill - pos;
        if (avail == 0) {
            return 0;
        }
        if (!needSync) {
            if (avail < MessageBlock.MIN_SIZE) {
                return 0;
            }
            int len = buf[pos] & 0xff;
            int seq = buf[pos + 1] & 0xff;
            boolean headerOk = len >= MessageBlock.MIN_SIZE && len <= MessageBlock.MAX_SIZE
                    && (seq & ~MessageBlock.SEQ_MASK) == MessageBlock.DEST;
            if (headerOk && avail < len) {
                return 0;
            }
            if (headerOk && validTrailer(pos, len)) {
                needValid = false;
                if ((seq & MessageBlock.SEQ_MASK) != nextSeq) {
                    // a lost block: drop everything until it is sent again
                    handler.sendAck();
                    return len;
                }
                nextSeq = (nextSeq + 1) & MessageBlock.SEQ_MASK;
                handler.onBlock(buf, pos + MessageBlock.HEADER_SIZE, len - MessageBlock.MIN_SIZE);
                handler.sendAck();
                return len;
            }
            if ((buf[pos] & 0xff) == MessageBlock.SYNC) {
                return 1;
            }
            needSync = true;
        }
        int pop = avail;
        for (int i = 0; i < avail; i++) {
            if ((buf[pos + i] & 0xff) == MessageBlock.SYNC) {
                needSync = false;
                pop = i + 1;
                break;
            }
        }
        if (!needValid) {
            needValid = true;
            handler.sendAck();
        }
        return pop;
    }

    private boolean validTrailer(int pos, int len) {
        if ((buf[pos + len - 1] & 0xff) != MessageBlock.SYNC) {
            return false;
        }
        int crc = ((buf[pos + len - 3] & 0xff) << 8) | (buf[pos + len - 2] & 0xff);
        return crc == Crc16.compute(buf, pos, len - MessageBlock.TRAILER_SIZE);
    }

    void reset() {
        fill = 0;
        nextSeq = 0;
        needSync = false;
        needValid = false;
    }
}
