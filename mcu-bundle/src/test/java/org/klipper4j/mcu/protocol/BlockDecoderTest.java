/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlockDecoderTest {
    private final List<byte[]> blocks = new ArrayList<>();
    private final BlockDecoder decoder = new BlockDecoder((buf, off, len) -> blocks.add(Arrays.copyOfRange(buf, off, off + len)));

    private static byte[] block(int seq, int... content) {
        byte[] c = new byte[content.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (byte) content[i];
        }
        return MessageBlock.frame(seq, c, 0, c.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void framesAsTheProtocolSays() {
        byte[] b = block(3, 0x01, 0x02);
        assertEquals(7, b.length);
        assertEquals(7, b[0]);
        assertEquals(0x13, b[1]);
        assertEquals(0x7e, b[6] & 0xff);
        int crc = Crc16.compute(b, 0, 4);
        assertEquals(crc >> 8, b[4] & 0xff);
        assertEquals(crc & 0xff, b[5] & 0xff);
        assertEquals(0x10, block(16)[1]);
    }

    @Test
    void decodesConsecutiveBlocksFedByteByByte() {
        byte[] a = block(1, 5, 6, 7);
        byte[] b = block(2);
        byte[] c = block(3, 0x7e, 0x7e);
        byte[] all = concat(a, b, c);
        for (byte x : all) {
            decoder.feed(new byte[] {x});
        }
        assertEquals(3, blocks.size());
        assertArrayEquals(a, blocks.get(0));
        assertArrayEquals(b, blocks.get(1));
        assertArrayEquals(c, blocks.get(2));
        assertEquals(0, decoder.bytesInvalid());
        assertEquals(0, decoder.pending());
    }

    @Test
    void resynchronisesAfterGarbageEndingInSync() {
        byte[] a = block(1, 1);
        byte[] b = block(2, 2);
        decoder.feed(concat(new byte[] {0x33, 0x7e}, a, new byte[] {0x44, 0x55, 0x7e}, b));
        assertEquals(2, blocks.size());
        assertArrayEquals(a, blocks.get(0));
        assertArrayEquals(b, blocks.get(1));
        assertEquals(5, decoder.bytesInvalid());
    }

    @Test
    void garbageWithoutSyncCostsTheFollowingBlock() {
        // Klipper drops everything up to the next sync byte, which ends the next block
        byte[] a = block(1, 1);
        byte[] b = block(2, 2);
        decoder.feed(concat(new byte[] {0x40, 0x41, 0x42, 0x43, 0x44, 0x45}, a, b));
        assertEquals(1, blocks.size());
        assertArrayEquals(b, blocks.get(0));
        assertEquals(6 + a.length, decoder.bytesInvalid());
    }

    @Test
    void badCrcIsDroppedAndLaterBlocksSurvive() {
        byte[] a = block(1, 1, 2, 3);
        byte[] bad = block(2, 9, 9);
        bad[2] ^= 0x01;
        byte[] c = block(3, 4);
        decoder.feed(concat(a, bad, c));
        assertEquals(2, blocks.size());
        assertArrayEquals(a, blocks.get(0));
        assertArrayEquals(c, blocks.get(1));
        assertEquals(bad.length, decoder.bytesInvalid());
    }

    @Test
    void leadingSyncBytesAreSkipped() {
        byte[] a = block(4, 1);
        decoder.feed(concat(new byte[] {0x7e, 0x7e}, a));
        assertEquals(1, blocks.size());
        assertEquals(2, decoder.bytesInvalid());
    }

    @Test
    void incompleteBlockWaitsForTheRest() {
        byte[] a = block(1, 1, 2, 3, 4);
        decoder.feed(a, 0, 6);
        assertEquals(0, blocks.size());
        assertEquals(6, decoder.pending());
        decoder.feed(a, 6, a.length - 6);
        assertEquals(1, blocks.size());
    }

    @Test
    void longStreamsPassThroughTheBuffer() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int[] content = new int[59];
        for (int i = 0; i < 500; i++) {
            all.writeBytes(block(i, content));
        }
        decoder.feed(all.toByteArray());
        assertEquals(500, blocks.size());
        assertEquals(500, decoder.blocks());
    }
}
