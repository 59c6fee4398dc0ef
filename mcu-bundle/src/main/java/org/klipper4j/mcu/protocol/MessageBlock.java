/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/**
 * Klipper's message block: {@code <len><0x10|seq><content><crc16 high, low><0x7e>}, where
 * {@code len} counts the whole block (5..64 bytes) and the CRC covers length, sequence and content.
 */
public final class MessageBlock {
    public static final int MIN_SIZE = 5;
    public static final int MAX_SIZE = 64;
    public static final int HEADER_SIZE = 2;
    public static final int TRAILER_SIZE = 3;
    public static final int MAX_PAYLOAD = MAX_SIZE - MIN_SIZE;
    public static final int SEQ_MASK = 0x0f;
    public static final int DEST = 0x10;
    public static final int SYNC = 0x7e;

    private MessageBlock() {
    }

    /**
     * Frames {@code len} content bytes (already placed at {@code block[HEADER_SIZE]}) in
     * place: writes header and trailer and returns the block length.
     */
    public static int frameInPlace(byte[] block, int contentLen, long seq) {
        if (contentLen < 0 || contentLen > MAX_PAYLOAD) {
            throw new ProtocolException("Message block content of " + contentLen + " bytes; at most "
                    + MAX_PAYLOAD + " fit");
        }
        int len = contentLen + MIN_SIZE;
        block[0] = (byte) len;
        block[1] = (byte) (DEST | (seq & SEQ_MASK));
        int crc = Crc16.compute(block, 0, len - TRAILER_SIZE);
        block[len - 3] = (byte) (crc >> 8);
        block[len - 2] = (byte) crc;
        block[len - 1] = (byte) SYNC;
        return len;
    }

    /** A new block holding {@code content} with sequence number {@code seq}. */
    public static byte[] frame(long seq, byte[] content, int off, int len) {
        byte[] block = new byte[len + MIN_SIZE];
        System.arraycopy(content, off, block, HEADER_SIZE, len);
        frameInPlace(block, len, seq);
        return block;
    }

    /** The 4-bit sequence number of a block. */
    public static int sequenceOf(byte[] block, int off) {
        return block[off + 1] & SEQ_MASK;
    }
}
