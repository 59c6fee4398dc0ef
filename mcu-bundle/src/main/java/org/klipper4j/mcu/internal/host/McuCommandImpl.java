/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.protocol.MessageFormat;

/** A dictionary command bound to an MCU and a command queue; parameters in format order. */
final class McuCommandImpl implements McuCommand {
    private final McuImpl mcu;
    private final MessageFormat format;
    private final CommandQueue queue;

    McuCommandImpl(McuImpl mcu, MessageFormat format, CommandQueue queue) {
        this.mcu = mcu;
        this.format = format;
        this.queue = queue;
    }

    @Override
    public void sendScheduled(long minclock, long reqclock, Object... params) {
        byte[] msg = format.encode(params);
        mcu.sendRaw(msg, 0, msg.length, queue, minclock, reqclock);
    }

    @Override
    public String toString() {
        return format.format();
    }
}
