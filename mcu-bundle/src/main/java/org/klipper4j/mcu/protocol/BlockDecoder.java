/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/**
 * Splits a byte stream into valid message blocks, as Klipper's host does: a block with a
 * bad length, sequence byte, sync byte or CRC is not accepted; instead the bytes up to and
 * including the next sync byte (0x7e) are dropped and the search restarts after it. When no
 * sync byte is buffered, everything is dropped and the decoder waits for one.
 */
public final class BlockDecoder {
    /** Receives decoded blocks and dropped bytes; the buffer is only valid during the call. */
    public interface Listener {
        void onBlock(byte[] buf, int off, int len);

        default void onDiscard(byte[] buf, int off, int len) {
        }
    }

    private final Listener listener;
    private final byte[] buf = new byte[4096];
    private int fill;
    private boolean needSync;
    private long blocks;
    private long bytesInvalid;
    /** Stream offset of buf[0]. */
    private long bufOffset;
    private long currentOffset;

    public BlockDecoder(Listener listener) {
        this.listener = listener;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, buf.length - fill);
            System.arraycopy(data, off, buf, fill, n);
            fill += n;
            off += n;
            len -= n;
            process();
        }
    }

    /** Bytes held back waiting for the rest of a block. */
    public int pending() {
        return fill;
    }

    public long blocks() {
        return blocks;
    }

    /** Stream offset of the block (or dropped bytes) being reported to the listener. */
    public long currentOffset() {
        return currentOffset;
    }

    public long bytesInvalid() {
        return bytesInvalid;
    }

    private void process() {
        int start = 0;
        for (;;) {
            int r = check(start, fill - start);
            if (r == 0) {
                break;
            }
            currentOffset = bufOffset + start;
            if (r > 0) {
                blocks++;
                listener.onBlock(buf, start, r);
                start += r;
            } else {
                bytesInvalid += -r;
                listener.onDiscard(buf, start, -r);
                start += -r;
            }
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, fill - start);
            fill -= start;
            bufOffset += start;
        }
    }

    /** Length of a valid block at {@code off}, 0 if more data is needed, -n to drop n bytes. */
    private int check(int off, int avail) {
        if (avail < MessageBlock.MIN_SIZE) {
            return 0;
        }
        if (!needSync) {
            int len = buf[off] & 0xff;
            int seq = buf[off + 1] & 0xff;
            if (len >= MessageBlock.MIN_SIZE && len <= MessageBlock.MAX_SIZE
                    && (seq & ~MessageBlock.SEQ_MASK) == MessageBlock.DEST) {
                if (avail < len) {
                    return 0;
                }
                if ((buf[off + len - 1] & 0xff) == MessageBlock.SYNC) {
                    int crc = ((buf[off + len - 3] & 0xff) << 8) | (buf[off + len - 2] & 0xff);
                    if (crc == Crc16.compute(buf, off, len - MessageBlock.TRAILER_SIZE)) {
                        return len;
                    }
                }
            }
        }
        for (int i = 0; i < avail; i++) {
            if ((buf[off + i] & 0xff) == MessageBlock.SYNC) {
                needSync = false;
                return -(i + 1);
            }
        }
        needSync = true;
        return -avail;
    }
}
