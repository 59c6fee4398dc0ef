/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

import org.klipper4j.core.api.reactor.Reactor;

/**
 * The serial-line reset pulses of Klipper's restart methods: {@code arduino} (open at
 * 2400 baud, toggle DTR) and {@code cheetah} (the same with RTS held, then released,
 * for the Fysetc Cheetah's bootloader circuit). Each step waits 100 ms on the reactor.
 */
public final class RestartSequences {
    private RestartSequences() {
    }

    public static void arduinoReset(String path, Reactor reactor) throws IOException {
        SerialPort port = openAt2400(path, true);
        try {
            pause(reactor);
            port.setDTR();
            pause(reactor);
            port.clearDTR();
            pause(reactor);
        } finally {
            port.closePort();
        }
    }

    public static void cheetahReset(String path, Reactor reactor) throws IOException {
        SerialPort port = openAt2400(path, true);
        try {
            pause(reactor);
            port.setDTR();
            pause(reactor);
            port.clearDTR();
            pause(reactor);
            port.clearRTS();
            pause(reactor);
            port.setDTR();
            pause(reactor);
            port.clearDTR();
            pause(reactor);
        } finally {
            port.closePort();
        }
    }

    private static SerialPort openAt2400(String path, boolean rts) throws IOException {
        SerialPortLink link = SerialPortLink.open(path, 2400, rts);
        SerialPort port = link.port();
        byte[] one = new byte[1];
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        port.readBytes(one, 1);
        return port;
    }

    private static void pause(Reactor reactor) {
        ReactorPause.pause(reactor, 0.100);
    }
}
