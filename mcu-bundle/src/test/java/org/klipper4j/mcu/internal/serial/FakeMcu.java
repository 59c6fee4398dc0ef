/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.MessageBlock;

/**
 * An in-memory MCU end of the link, as the firmware behaves: a block with the expected
 * sequence is accepted and acked with the next one; any other is answered with a nak (the
 * expected sequence again). Replies wait until the test delivers them.
 */
final class FakeMcu implements ByteTransport {
    final List<byte[]> acceptedContent = new ArrayList<>();
    final List<byte[]> blocksSeen = new ArrayList<>();
    private final ByteArrayOutputStream replies = new ByteArrayOutputStream();
    private final BlockDecoder decoder = new BlockDecoder(this::onBlock);
    int expectedSeq;
    int dropNext;
    /** Per incoming block, in order: true loses it (as a damaged block); when empty, none is lost. */
    final java.util.ArrayDeque<Boolean> losses = new java.util.ArrayDeque<>();
    boolean holdAcks;
    private int heldAcks;

    FakeMcu(int firstExpectedSeq) {
        this.expectedSeq = firstExpectedSeq;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        decoder.feed(buf, off, len);
    }

    private void onBlock(byte[] buf, int off, int len) {
        blocksSeen.add(Arrays.copyOfRange(buf, off, off + len));
        if (dropNext > 0) {
            dropNext--;
            return;
        }
        if (!losses.isEmpty() && losses.poll()) {
            return;
        }
        int seq = buf[off + 1] & MessageBlock.SEQ_MASK;
        if (seq != expectedSeq) {
            replies.writeBytes(ackBlock());
            return;
        }
        expectedSeq = (expectedSeq + 1) & MessageBlock.SEQ_MASK;
        acceptedContent.add(Arrays.copyOfRange(buf, off + 2, off + len - 3));
        if (holdAcks) {
            heldAcks++;
        } else {
            replies.writeBytes(ackBlock());
        }
    }

    byte[] ackBlock() {
        return MessageBlock.frame(expectedSeq, new byte[0], 0, 0);
    }

    /** Queues a data block (responses), carrying the current ack sequence. */
    void reply(byte[] content) {
        replies.writeBytes(MessageBlock.frame(expectedSeq, content, 0, content.length));
    }

    void releaseAcks() {
        if (heldAcks > 0) {
            replies.writeBytes(ackBlock());
            heldAcks = 0;
        }
        holdAcks = false;
    }

    /** Hands everything the MCU has sent to the host at {@code time}. */
    void deliver(SerialQueue host, double time) {
        byte[] out = replies.toByteArray();
        replies.reset();
        host.receive(out, 0, out.length, time);
    }
}
