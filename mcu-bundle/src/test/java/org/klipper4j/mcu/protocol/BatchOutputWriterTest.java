/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOutputWriterTest {
    private static List<byte[]> splitBlocks(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        new BlockDecoder((buf, off, len) -> out.add(java.util.Arrays.copyOfRange(buf, off, off + len))).feed(stream);
        return out;
    }

    @Test
    void sequenceStartsAtOneAndWrapsInFourBits() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BatchOutputWriter w = new BatchOutputWriter(bytes)) {
            for (int i = 0; i < 20; i++) {
                w.send(new byte[30]); // two never fit in one block
            }
        }
        List<byte[]> blocks = splitBlocks(bytes.toByteArray());
        assertEquals(20, blocks.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(35, blocks.get(i).length);
            assertEquals(0x10 | ((i + 1) & 0xf), blocks.get(i)[1] & 0xff);
        }
        assertEquals(20 * 35, bytes.size());
    }

    @Test
    void blocksAreFilledUpTo64Bytes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BatchOutputWriter w = new BatchOutputWriter(bytes);
        byte[] twenty = new byte[20];
        w.send(twenty);
        w.send(twenty);
        assertEquals(0, w.blocksWritten());
        w.send(twenty); // 60 content bytes would not fit
        assertEquals(1, w.blocksWritten());
        w.send(twenty);
        w.send(new byte[19]); // exactly 59 content bytes
        w.flush();
        w.send(new byte[] {1});
        w.flush();
        List<byte[]> blocks = splitBlocks(bytes.toByteArray());
        assertEquals(3, blocks.size());
        assertEquals(45, blocks.get(0).length);
        assertEquals(64, blocks.get(1).length);
        assertEquals(6, blocks.get(2).length);
        assertEquals(4, w.nextSequence());
        w.close();
    }

    @Test
    void oversizedOrEmptyMessagesAreRefused() {
        BatchOutputWriter w = new BatchOutputWriter(new ByteArrayOutputStream());
        assertThrows(ProtocolException.class, () -> w.send(new byte[60]));
        assertThrows(ProtocolException.class, () -> w.send(new byte[0]));
    }

    @Test
    void reproducesKlippersConfigStreamByteForByte(@TempDir Path dir) throws Exception {
        // Klipper sent all of this case's messages at once, so its packing is the greedy one
        DataDictionary d = TestData.dict("atmega2560");
        Path out = dir.resolve("out.serial");
        try (BatchOutputWriter w = BatchOutputWriter.open(out)) {
            for (String line : TestData.lines("cases/commands-example-cartesian/expected.decoded.txt")) {
                w.send(d.createCommand(line));
            }
        }
        assertArrayEquals(TestData.bytes("cases/commands-example-cartesian/expected.serial"), Files.readAllBytes(out));
    }

    @Test
    void reencodedReferenceStreamsDecodeToTheSameText() throws Exception {
        String[][] cases = {
            {"stm32h723", "cases/generic_cartesian_iqex-generic_cartesian_iqex/expected-extboard"},
            {"atmega2560", "cases/tmc-tmc/expected"},
            {"linuxprocess", "cases/linuxtest-linuxtest/expected"}};
        for (String[] c : cases) {
            DataDictionary d = TestData.dict(c[0]);
            List<String> text = TestData.lines(c[1] + ".decoded.txt");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (BatchOutputWriter w = new BatchOutputWriter(bytes)) {
                for (String line : text) {
                    w.send(d.createCommand(line));
                }
            }
            StreamDumper.Summary[] summary = new StreamDumper.Summary[1];
            List<String> again = new ArrayList<>();
            summary[0] = new StreamDumper(d).dump(bytes.toByteArray(), again::add);
            assertEquals(text, again, c[1]);
            assertEquals(List.of(), summary[0].problems());
            assertEquals(1, summary[0].firstSeq());
        }
    }
}
