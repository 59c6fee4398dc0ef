/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a virtual board on a pseudo-terminal in raw mode, so any host (klipper4j
 * through a device path, or Klipper itself) can open it as a serial port. The slave
 * side stays open here so a host closing it does not hang the line up.
 */
public final class PtyBridge implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PtyBridge.class);

    private final int master;
    private final int slave;
    private final String slaveName;
    private final Path symlink;
    private final Consumer<byte[]> toBoard;
    private final Thread reader;
    private volatile boolean open = true;

    private PtyBridge(int master, int slave, String slaveName, Path symlink, Consumer<byte[]> toBoard, String name) {
        this.master = master;
        this.slave = slave;
        this.slaveName = slaveName;
        this.symlink = symlink;
        this.toBoard = toBoard;
        this.reader = new Thread(this::readLoop, "virtual-mcu-pty-" + name);
        this.reader.setDaemon(true);
    }

    /** Opens a raw pseudo-terminal; {@code symlink} (may be null) is made to point at its device. */
    public static PtyBridge open(String name, Path symlink, Consumer<byte[]> toBoard) throws IOException {
        IntByReference m = new IntByReference();
        IntByReference s = new IntByReference();
        try {
            PtyLibC.INSTANCE.openpty(m, s, null, null, null);
            Memory termios = new Memory(PtyLibC.TERMIOS_SIZE);
            termios.clear();
            PtyLibC.INSTANCE.tcgetattr(s.getValue(), termios);
            PtyLibC.INSTANCE.cfmakeraw(termios);
            PtyLibC.INSTANCE.tcsetattr(s.getValue(), PtyLibC.TCSANOW, termios);
        } catch (LastErrorException e) {
            throw new IOException("Unable to open a pseudo-terminal for virtual MCU '" + name + "': errno "
                    + e.getErrorCode(), e);
        }
        String device = PtyLibC.INSTANCE.ttyname(s.getValue());
        if (symlink != null) {
            Files.deleteIfExists(symlink);
            Files.createSymbolicLink(symlink, Path.of(device));
        }
        PtyBridge bridge = new PtyBridge(m.getValue(), s.getValue(), device, symlink, toBoard, name);
        bridge.reader.start();
        return bridge;
    }

    /** The device path, e.g. {@code /dev/pts/4}. */
    public String deviceName() {
        return slaveName;
    }

    /** Bytes from the board to the host. */
    public synchronized void deliver(byte[] data) {
        if (!open) {
            return;
        }
        try {
            PtyLibC.INSTANCE.write(master, data, new NativeLong(data.length));
        } catch (LastErrorException e) {
            LOG.debug("virtual MCU pty write failed: errno {}", e.getErrorCode());
        }
    }

    private void readLoop() {
        Memory pollFd = new Memory(8);
        byte[] buf = new byte[4096];
        while (open) {
            pollFd.setInt(0, master);
            pollFd.setShort(4, PtyLibC.POLLIN);
            pollFd.setShort(6, (short) 0);
            try {
                if (PtyLibC.INSTANCE.poll(pollFd, new NativeLong(1), 100) <= 0) {
                    continue;
                }
                int n = PtyLibC.INSTANCE.read(master, buf, new NativeLong(buf.length)).intValue();
                if (n > 0) {
                    toBoard.accept(Arrays.copyOf(buf, n));
                }
            } catch (LastErrorException e) {
                if (open) {
                    LOG.debug("virtual MCU pty read failed: errno {}", e.getErrorCode());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
        }
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PtyLibC.INSTANCE.close(master);
        PtyLibC.INSTANCE.close(slave);
        if (symlink != null) {
            Files.deleteIfExists(symlink);
        }
    }
}
