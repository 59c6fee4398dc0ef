/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import java.io.IOException;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

import org.klipper4j.core.api.mcu.McuLink;

/**
 * A link over any tty or pseudo-tty path (Klipper's Linux-process MCU at
 * {@code /tmp/klipper_host_mcu}, a pty pair, a device without baud setting), put in raw
 * mode with termios and read with poll.
 */
public final class TtyLink implements McuLink {
    private final String path;
    private final int fd;
    private final Memory pollFd = new Memory(8);
    private final byte[] readScratch = new byte[4096];
    private volatile boolean closed;

    private TtyLink(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** Opens {@code path} read-write, non-blocking, in raw mode. */
    public static TtyLink open(String path) throws IOException {
        int fd;
        try {
            fd = PosixLibC.INSTANCE.open(path, PosixLibC.O_RDWR | PosixLibC.O_NOCTTY | PosixLibC.O_NONBLOCK);
        } catch (LastErrorException e) {
            throw new IOException("Unable to open " + path + ": errno " + e.getErrorCode(), e);
        }
        try {
            Memory termios = new Memory(PosixLibC.TERMIOS_BYTES);
            termios.clear();
            PosixLibC.INSTANCE.tcgetattr(fd, termios);
            PosixLibC.INSTANCE.cfmakeraw(termios);
            PosixLibC.INSTANCE.tcsetattr(fd, PosixLibC.TCSANOW, termios);
        } catch (LastErrorException e) {
            PosixLibC.INSTANCE.close(fd);
            throw new IOException(path + " is not a tty (errno " + e.getErrorCode() + ")", e);
        }
        return new TtyLink(path, fd);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        if (closed) {
            return -1;
        }
        pollFd.setInt(0, fd);
        pollFd.setShort(4, PosixLibC.POLLIN);
        pollFd.setShort(6, (short) 0);
        try {
            int ready = PosixLibC.INSTANCE.poll(pollFd, new NativeLong(1), timeoutMillis);
            if (ready == 0) {
                return 0;
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() == PosixLibC.EINTR) {
                return 0;
            }
            throw new IOException("Error polling " + path + ": errno " + e.getErrorCode(), e);
        }
        short revents = pollFd.getShort(6);
        int n;
        synchronized (readScratch) {
            try {
                n = (int) PosixLibC.INSTANCE.read(fd, readScratch,
                        new NativeLong(Math.min(length, readScratch.length))).longValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() == PosixLibC.EAGAIN || e.getErrorCode() == PosixLibC.EINTR) {
                    return 0;
                }
                if (e.getErrorCode() == PosixLibC.EIO) {
                    return -1; // the other side of a pty went away
                }
                throw new IOException("Error reading " + path + ": errno " + e.getErrorCode(), e);
            }
            if (n > 0) {
                System.arraycopy(readScratch, 0, buffer, offset, n);
            }
        }
        if (n == 0 && (revents & (PosixLibC.POLLHUP | PosixLibC.POLLERR)) != 0) {
            return -1;
        }
        return n;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) throws IOException {
        byte[] chunk = offset == 0 ? data : Arrays.copyOfRange(data, offset, offset + length);
        int done = 0;
        while (done < length) {
            byte[] rest = done == 0 ? chunk : Arrays.copyOfRange(chunk, done, length);
            try {
                long n = PosixLibC.INSTANCE.write(fd, rest, new NativeLong(length - done)).longValue();
                done += (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == PosixLibC.EAGAIN || e.getErrorCode() == PosixLibC.EINTR) {
                    waitWritable();
                    continue;
                }
                throw new IOException("Error writing " + path + ": errno " + e.getErrorCode(), e);
            }
        }
    }

    private void waitWritable() {
        Memory pfd = new Memory(8);
        pfd.setInt(0, fd);
        pfd.setShort(4, PosixLibC.POLLOUT);
        pfd.setShort(6, (short) 0);
        try {
            PosixLibC.INSTANCE.poll(pfd, new NativeLong(1), 10);
        } catch (LastErrorException e) {
            // retried by the caller
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            PosixLibC.INSTANCE.close(fd);
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
