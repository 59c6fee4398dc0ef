/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The few libc calls a pseudo-terminal needs (Linux). */
interface PtyLibC extends Library {
    /** Big enough for Linux's struct termios on every architecture. */
    int TERMIOS_SIZE = 256;
    int TCSANOW = 0;
    short POLLIN = 1;

    PtyLibC INSTANCE = load();

    int openpty(IntByReference master, IntByReference slave, Pointer name, Pointer termios, Pointer winsize)
            throws LastErrorException;

    String ttyname(int fd);

    int tcgetattr(int fd, Pointer termios) throws LastErrorException;

    void cfmakeraw(Pointer termios);

    int tcsetattr(int fd, int action, Pointer termios) throws LastErrorException;

    int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** openpty is in libc since glibc 2.34 and in libutil before. */
    private static PtyLibC load() {
        try {
            NativeLibrary.getInstance("c").getFunction("openpty");
            return Native.load("c", PtyLibC.class);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("util", PtyLibC.class);
        }
    }
}
