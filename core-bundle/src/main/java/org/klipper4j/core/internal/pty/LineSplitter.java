/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns terminal input into complete lines (without {@code \n} or a trailing {@code \r}); keeps a partial line. */
final class LineSplitter {
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    List<String> feed(byte[] data, int length) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b == '\n') {
                lines.add(finishLine());
            } else if (partial.size() < MAX_LINE_BYTES) {
                // Bytes past the limit are dropped: no G-code line is that long.
                partial.write(b);
            }
        }
        return lines;
    }

    private String finishLine() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
