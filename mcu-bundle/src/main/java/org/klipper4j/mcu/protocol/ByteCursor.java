/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.util.Arrays;

/** Reads VLQ integers and length-prefixed strings from a region of a buffer; reusable. */
public final class ByteCursor {
    private byte[] buf;
    private int pos;
    private int end;

    public ByteCursor() {
        this(new byte[0], 0, 0);
    }

    public ByteCursor(byte[] buf, int off, int end) {
        reset(buf, off, end);
    }

    public ByteCursor reset(byte[] buf, int off, int end) {
        this.buf = buf;
        this.pos = off;
        this.end = end;
        return this;
    }

    public int position() {
        return pos;
    }

    public int end() {
        return end;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public byte[] buffer() {
        return buf;
    }

    /** The raw value: negative if the first byte says so, otherwise as sent (up to 35 bits). */
    public long readVlq() {
        int start = pos;
        int c = nextByte();
        long v = c & 0x7f;
        if ((c & 0x60) == 0x60) {
            v |= -0x20L;
        }
        while ((c & 0x80) != 0) {
            if (pos - start >= Vlq.MAX_BYTES) {
                throw new ProtocolException("Integer at offset " + start + " is longer than "
                        + Vlq.MAX_BYTES + " bytes");
            }
            c = nextByte();
            v = (v << 7) | (c & 0x7f);
        }
        return v;
    }

    /** A string parameter: one length byte, then that many bytes. */
    public byte[] readString() {
        int len = nextByte();
        if (pos + len > end) {
            throw truncated();
        }
        byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    private int nextByte() {
        if (pos >= end) {
            throw truncated();
        }
        return buf[pos++] & 0xff;
    }

    private ProtocolException truncated() {
        return new ProtocolException("Message runs past the end of its block");
    }
}
