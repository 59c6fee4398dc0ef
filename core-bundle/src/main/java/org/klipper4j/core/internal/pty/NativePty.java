/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;

/**
 * A pseudo-terminal pair in raw mode. The host reads and writes the master
 * side; clients open the slave device. The slave stays open here too, so the
 * master does not see a hang-up each time a client closes it.
 */
final class NativePty implements Closeable {
    private final int master;
    private final int slave;
    private final String slaveName;
    private final Memory pollFd = new Memory(8);
    private boolean closed;

    private NativePty(int master, int slave, String slaveName) {
        this.master = master;
        this.slave = slave;
        this.slaveName = slaveName;
    }

    static NativePty open() throws IOException {
        IntByReference master = new IntByReference();
        IntByReference slave = new IntByReference();
        try {
            OpenPty.INSTANCE.openpty(master, slave, null, null, null);
        } catch (LastErrorException e) {
            throw new IOException("Unable to open a pseudo-tty: errno " + e.getErrorCode(), e);
        }
        NativePty pty = new NativePty(master.getValue(), slave.getValue(), LibC.INSTANCE.ttyname(slave.getValue()));
        try {
            pty.configure();
        } catch (LastErrorException e) {
            pty.close();
            throw new IOException("Unable to set up the pseudo-tty: errno " + e.getErrorCode(), e);
        }
        if (pty.slaveName == null) {
            pty.close();
            throw new IOException("Unable to find the name of the pseudo-tty");
        }
        return pty;
    }

    /** Raw mode (no echo, no line editing, no newline translation) and a master that never blocks. */
    private void configure() {
        Memory termios = new Memory(LibC.TERMIOS_BYTES);
        termios.clear();
        LibC.INSTANCE.tcgetattr(slave, termios);
        LibC.INSTANCE.cfmakeraw(termios);
        LibC.INSTANCE.tcsetattr(slave, LibC.TCSANOW, termios);
        int flags = LibC.INSTANCE.fcntl(master, LibC.F_GETFL, 0);
        LibC.INSTANCE.fcntl(master, LibC.F_SETFL, flags | LibC.O_NONBLOCK);
    }

    /** The slave device path, e.g. {@code /dev/pts/3}. */
    String slaveName() {
        return slaveName;
    }

    /** Reads what clients wrote; waits up to {@code timeoutMillis}; 0 if nothing came. */
    int read(byte[] buffer, int timeoutMillis) throws IOException {
        pollFd.setInt(0, master);
        pollFd.setShort(4, LibC.POLLIN);
        pollFd.setShort(6, (short) 0);
        try {
            if (LibC.INSTANCE.poll(pollFd, new NativeLong(1), timeoutMillis) <= 0) {
                return 0;
            }
            return LibC.INSTANCE.read(master, buffer, new NativeLong(buffer.length)).intValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.EINTR || e.getErrorCode() == LibC.EAGAIN) {
                return 0;
            }
            throw new IOException("pseudo-tty read failed: errno " + e.getErrorCode(), e);
        }
    }

    /**
     * Writes without blocking; returns the bytes written. When no client reads and
     * the terminal buffer is full the rest is dropped, as Klipper does.
     */
    int write(byte[] data) {
        int written = 0;
        byte[] remaining = data;
        while (written < data.length) {
            int count;
            try {
                count = LibC.INSTANCE.write(master, remaining, new NativeLong(remaining.length)).intValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                return written;
            }
            written += count;
            if (written < data.length) {
                remaining = Arrays.copyOfRange(data, written, data.length);
            }
        }
        return written;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.INSTANCE.close(master);
            LibC.INSTANCE.close(slave);
        }
    }
}
