/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private static List<String> feed(LineSplitter splitter, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return splitter.feed(bytes, bytes.length);
    }

    @Test
    void splitsLinesAndKeepsThePartialOne() {
        LineSplitter splitter = new LineSplitter();
        assertEquals(List.of("G28", "M105"), feed(splitter, "G28\r\nM105\nG1 X"));
        assertEquals(List.of("G1 X5", ""), feed(splitter, "5\n\n"));
        assertEquals(List.of(), feed(splitter, ""));
    }

    @Test
    void multiByteCharacterSplitAcrossReads() {
        LineSplitter splitter = new LineSplitter();
        byte[] bytes = "M117 Grüße\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), splitter.feed(bytes, 8));
        byte[] rest = java.util.Arrays.copyOfRange(bytes, 8, bytes.length);
        assertEquals(List.of("M117 Grüße"), splitter.feed(rest, rest.length));
    }
}
