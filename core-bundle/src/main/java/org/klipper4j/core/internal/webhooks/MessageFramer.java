/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Splits a byte stream into messages ended by 0x03, keeping an unfinished tail for the next read. */
final class MessageFramer {
    private final int maxMessageBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    MessageFramer(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The complete messages in {@code data[0..length)} after what came before; throws if one grows too large. */
    List<byte[]> feed(byte[] data, int length) throws IOException {
        List<byte[]> messages = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] == JsonCodec.MESSAGE_END) {
                partial.write(data, start, i - start);
                messages.add(partial.toByteArray());
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(data, start, length - start);
        // A client that never sends 0x03 must not make the server buffer forever.
        if (partial.size() > maxMessageBytes) {
            partial.reset();
            throw new IOException("request larger than " + maxMessageBytes + " bytes");
        }
        return messages;
    }
}
