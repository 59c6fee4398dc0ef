/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Remembers the first error the host thread logs while a case runs, so a failed run can
 * say why (the config error, the shutdown reason) instead of only its exit code. The log
 * still goes where it went: standard error is copied, not taken over.
 */
final class HostErrorCapture implements AutoCloseable {
    private static final String HOST_THREAD = "klipper4j-host";

    private final PrintStream original = System.err;
    private volatile String firstError;

    HostErrorCapture() {
        System.setErr(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
    }

    /** The first error line of the host thread, without the logger prefix; null if none. */
    String firstError() {
        return firstError;
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }

    private final class Tee extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                onLine(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }

    private void onLine(String text) {
        if (firstError != null || !Thread.currentThread().getName().equals(HOST_THREAD)
                || !text.contains(" ERROR ")) {
            return;
        }
        int dash = text.indexOf(" - ");
        firstError = dash >= 0 ? text.substring(dash + 3).trim() : text.trim();
    }
}
