/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

/** Where the serial queue writes bytes: a serial port, a pseudo-tty, a socket, a test peer. */
@FunctionalInterface
public interface ByteTransport {
    void write(byte[] buf, int off, int len);
}
