/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The POSIX terminal and file calls the pseudo-tty needs (size_t as NativeLong, so 32-bit ARM works too). */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int F_GETFL = 3;
    int F_SETFL = 4;
    int O_NONBLOCK = 0x800;
    int TCSANOW = 0;
    short POLLIN = 0x1;
    int EINTR = 4;
    int EAGAIN = 11;
    /** Larger than glibc's struct termios on every Linux architecture. */
    int TERMIOS_BYTES = 256;

    int tcgetattr(int fd, Pointer termios) throws LastErrorException;

    void cfmakeraw(Pointer termios);

    int tcsetattr(int fd, int optionalActions, Pointer termios) throws LastErrorException;

    String ttyname(int fd);

    int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    int poll(Pointer fds, NativeLong nfds, int timeoutMillis) throws LastErrorException;

    NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    int close(int fd);
}
