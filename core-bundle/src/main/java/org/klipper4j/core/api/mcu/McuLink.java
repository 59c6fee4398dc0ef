/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.io.Closeable;
import java.io.IOException;

/** A byte link to one MCU (a serial port, a pty, an in-process virtual board). */
public interface McuLink extends Closeable {
    /**
     * Reads what is available, waiting at most {@code timeoutMillis} for the first
     * byte; returns the count (0 on timeout) or -1 when the link is gone.
     */
    int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException;

    void write(byte[] data, int offset, int length) throws IOException;

    @Override
    void close() throws IOException;
}
