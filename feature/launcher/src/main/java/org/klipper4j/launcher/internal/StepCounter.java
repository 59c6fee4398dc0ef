/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.OutputStream;

/**
 * Sums the {@code count=} of every {@code queue_step} line of a decoded MCU
 * stream as the decoder writes it, without keeping the text.
 */
final class StepCounter extends OutputStream {
    private static final String PREFIX = "queue_step ";
    private static final String COUNT = " count=";

    private final StringBuilder line = new StringBuilder(128);
    private long steps;
    private long queueStepMessages;

    @Override
    public void write(int b) {
        if (b == '\n') {
            take(line);
            line.setLength(0);
        } else {
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (line.length() > 0) {
            take(line);
            line.setLength(0);
        }
    }

    /** Adds one decoded line, e.g. {@code queue_step oid=2 interval=400 count=12 add=-3}. */
    void take(CharSequence text) {
        String s = text.toString();
        if (!s.startsWith(PREFIX)) {
            return;
        }
        int at = s.indexOf(COUNT);
        if (at < 0) {
            return;
        }
        int from = at + COUNT.length();
        int to = from;
        while (to < s.length() && Character.isDigit(s.charAt(to))) {
            to++;
        }
        steps += Long.parseLong(s.substring(from, to));
        queueStepMessages++;
    }

    long steps() {
        return steps;
    }

    long queueStepMessages() {
        return queueStepMessages;
    }
}
