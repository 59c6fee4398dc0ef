/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected texts were written once by the judge: {@code mcustream.py decode DICT FILE}. */
class StreamDumperTest {
    @ParameterizedTest
    @CsvSource({
        "atmega2560, cases/commands-example-cartesian/expected",
        "linuxprocess, cases/linuxtest-linuxtest/expected",
        "stm32h723, cases/generic_cartesian_iqex-generic_cartesian_iqex/expected",
        "stm32h723, cases/generic_cartesian_iqex-generic_cartesian_iqex/expected-extboard",
        "atmega2560, cases/tmc-tmc/expected"})
    void decodesReferenceStreamsExactlyAsTheJudge(String dict, String stream) {
        StreamDumper dumper = new StreamDumper(TestData.dict(dict));
        List<String> expected = TestData.lines(stream + ".decoded.txt");
        List<String> got = new java.util.ArrayList<>();
        StreamDumper.Summary s = dumper.dump(TestData.bytes(stream + ".serial"), got::add);
        assertEquals(expected, got);
        assertEquals(List.of(), s.problems());
        assertEquals(expected.size(), s.messages());
        assertEquals(1, s.firstSeq());
    }

    @Test
    void reportsGarbageAndKeepsDecoding() {
        byte[] ref = TestData.bytes("cases/commands-example-cartesian/expected.serial");
        // garbage ending in a sync byte between block 0 (61 bytes) and block 1
        byte[] data = new byte[ref.length + 4];
        System.arraycopy(ref, 0, data, 0, 61);
        data[61] = 0x11;
        data[62] = 0x22;
        data[63] = 0x33;
        data[64] = 0x7e;
        System.arraycopy(ref, 61, data, 65, ref.length - 61);
        List<String> got = new StreamDumper(TestData.dict("atmega2560")).dumpToLines(data);
        assertEquals(TestData.lines("cases/commands-example-cartesian/expected.decoded.txt"), got);
        StreamDumper.Summary s = new StreamDumper(TestData.dict("atmega2560")).dump(data, x -> { });
        assertEquals(List.of("offset 61: framing: discarded 4 bytes"), s.problems());
    }

    @Test
    void reportsSequenceGapsUnknownIdsAndTails() {
        DataDictionary d = TestData.dict("atmega2560");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = d.createCommand("allocate_oids count=3");
        out.writeBytes(MessageBlock.frame(1, first, 0, first.length));
        out.writeBytes(MessageBlock.frame(3, new byte[] {(byte) 0x81, 0x7f, 0x05}, 0, 3)); // id 255 is unknown
        out.writeBytes(new byte[] {0x09, 0x11});
        List<String> lines = new java.util.ArrayList<>();
        StreamDumper.Summary s = new StreamDumper(d).dump(out.toByteArray(), lines::add);
        assertEquals(List.of("allocate_oids count=3", "#unknown id=255 rest=817f05"), lines);
        assertEquals(List.of("offset 7: seq: block 1: sequence 3, expected 2",
                "offset 9: unknown-id: unknown message id 255; rest of block skipped",
                "offset 15: tail: 2 trailing bytes do not form a block"), s.problems());
    }

    @Test
    void commandLinePrintsOneMessagePerLine(@TempDir Path dir) throws Exception {
        Path dict = dir.resolve("a.dict");
        Path file = dir.resolve("a.serial");
        Files.write(dict, TestData.bytes("dict/linuxprocess.dict"));
        Files.write(file, TestData.bytes("cases/linuxtest-linuxtest/expected.serial"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = StreamDumper.run(new String[] {dict.toString(), file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        assertEquals(String.join("\n", TestData.lines("cases/linuxtest-linuxtest/expected.decoded.txt")) + "\n",
                out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("4 messages"));
    }

    @Test
    void commandLineErrorsAreShortAndClear(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1, StreamDumper.run(new String[] {"x"}, o, e));
        assertEquals(1, StreamDumper.run(new String[] {dir.resolve("none.dict").toString(), "f"}, o, e));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("usage: dump DICT FILE"), text);
        assertTrue(text.contains("no such file: " + dir.resolve("none.dict")), text);
        assertTrue(!text.contains("Exception"), text);
    }
}
