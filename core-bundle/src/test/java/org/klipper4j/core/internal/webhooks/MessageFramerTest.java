/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageFramerTest {
    private static List<String> feed(MessageFramer framer, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return framer.feed(bytes, bytes.length).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void splitsOnEndOfTextAndKeepsTheTail() throws IOException {
        MessageFramer framer = new MessageFramer(1000);
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), feed(framer, "{\"a\":1}\u0003{\"b\":2}\u0003{\"c\""));
        assertEquals(List.of(), feed(framer, ":3"));
        assertEquals(List.of("{\"c\":3}", ""), feed(framer, "}\u0003\u0003"));
    }

    @Test
    void onlyTheGivenLengthIsRead() throws IOException {
        MessageFramer framer = new MessageFramer(1000);
        byte[] buffer = "ab\u0003cd\u0003".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, framer.feed(buffer, 3).size());
    }

    @Test
    void endlessMessageIsRefused() throws IOException {
        MessageFramer framer = new MessageFramer(10);
        feed(framer, "12345");
        IOException e = assertThrows(IOException.class, () -> feed(framer, "678901"));
        assertEquals("request larger than 10 bytes", e.getMessage());
    }
}
