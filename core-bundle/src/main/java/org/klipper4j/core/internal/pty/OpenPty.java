/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** {@code openpty}: in libc since glibc 2.34, in libutil before. */
interface OpenPty extends Library {
    OpenPty INSTANCE = load();

    int openpty(IntByReference master, IntByReference slave, Pointer name, Pointer termios, Pointer winsize)
            throws LastErrorException;

    private static OpenPty load() {
        try {
            NativeLibrary.getInstance("c").getFunction("openpty");
            return Native.load("c", OpenPty.class);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("util", OpenPty.class);
        }
    }
}
