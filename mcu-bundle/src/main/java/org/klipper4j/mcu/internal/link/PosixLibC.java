/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The POSIX calls a raw tty link needs (Linux values; size_t as NativeLong). */
interface PosixLibC extends Library {
    PosixLibC INSTANCE = Native.load("c", PosixLibC.class);

    int O_RDWR = 0x2;
    int O_NOCTTY = 0x100;
    int O_NONBLOCK = 0x800;
    int TCSANOW = 0;
    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    int EINTR = 4;
    int EAGAIN = 11;
    int EIO = 5;
    /** Larger than glibc's struct termios on every Linux architecture. */
    int TERMIOS_BYTES = 256;

    int open(String path, int flags) throws LastErrorException;

    int tcgetattr(int fd, Pointer termios) throws LastErrorException;

    void cfmakeraw(Pointer termios);

    int tcsetattr(int fd, int optionalActions, Pointer termios) throws LastErrorException;

    int poll(Pointer fds, NativeLong nfds, int timeoutMillis) throws LastErrorException;

    NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    int close(int fd);
}
