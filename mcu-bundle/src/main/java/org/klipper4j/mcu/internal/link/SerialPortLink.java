/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

import org.klipper4j.core.api.mcu.McuLink;

/** A serial or USB-serial port through jSerialComm, 8N1 at the configured baud. */
public final class SerialPortLink implements McuLink {
    static {
        // its native library can bind to one class loader per JVM only; a bundle update needs a fresh name
        System.setProperty("jSerialComm.library.randomizeNativeName", "true");
    }

    private final SerialPort port;
    private int currentTimeout = -1;

    private SerialPortLink(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens {@code path} at {@code baud}; {@code rts} false keeps RTS deasserted (boards
     * such as the Fysetc Cheetah enter their bootloader otherwise).
     */
    public static SerialPortLink open(String path, int baud, boolean rts) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new IOException("Unable to open serial port " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort(0)) {
            throw new IOException("Unable to open serial port " + path + " (error " + port.getLastErrorCode()
                    + ")");
        }
        if (rts) {
            port.setRTS();
        } else {
            port.clearRTS();
        }
        return new SerialPortLink(port);
    }

    /** Pulses the port's control lines for a restart; see {@link RestartSequences}. */
    SerialPort port() {
        return port;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        if (!port.isOpen()) {
            return -1;
        }
        int timeout = Math.max(1, timeoutMillis);
        if (timeout != currentTimeout) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeout, 0);
            currentTimeout = timeout;
        }
        int n = port.readBytes(buffer, length, offset);
        if (n < 0) {
            if (!port.isOpen() || port.getLastErrorCode() != 0) {
                return -1;
            }
            return 0;
        }
        return n;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = port.writeBytes(data, length - done, offset + done);
            if (n < 0) {
                throw new IOException("Error writing serial port " + port.getSystemPortPath());
            }
            done += n;
        }
    }

    @Override
    public void close() {
        port.closePort();
    }

    @Override
    public String toString() {
        return port.getSystemPortPath();
    }
}
