/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.protocol.MessageFormat;

/** A dictionary command bound to an MCU and a command queue; parameters in format order. */
final class McuCommandImpl implements McuCommand {
    /** The encoding buffer of the sending thread (step commands are sent by the thousand per second). */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64]);

    private final McuImpl mcu;
    private final MessageFormat format;
    private final CommandQueue queue;
    private final int maxSize;

    McuCommandImpl(McuImpl mcu, MessageFormat format, CommandQueue queue) {
        this.mcu = mcu;
        this.format = format;
        this.queue = queue;
        this.maxSize = format.maxEncodedSize();
    }

    @Override
    public void sendScheduled(long minclock, long reqclock, Object... params) {
        // the channels copy the bytes, so one buffer per thread serves every message
        byte[] buf = SCRATCH.get();
        if (buf.length < maxSize) {
            buf = new byte[maxSize];
            SCRATCH.set(buf);
        }
        int len = format.encodeMessage(buf, params);
        mcu.sendRaw(buf, 0, len, queue, minclock, reqclock);
    }

    @Override
    public String toString() {
        return format.format();
    }
}
