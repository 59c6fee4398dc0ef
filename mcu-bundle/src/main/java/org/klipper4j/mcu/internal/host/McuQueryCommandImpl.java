/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.util.Map;

import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.protocol.MessageFormat;

/** A command sent until its response (by name and oid) arrives, with Klipper's retries. */
final class McuQueryCommandImpl implements McuQueryCommand {
    private final McuImpl mcu;
    private final MessageFormat command;
    private final MessageFormat response;
    private final Integer oid;
    private final CommandQueue queue;

    McuQueryCommandImpl(McuImpl mcu, MessageFormat command, MessageFormat response, Integer oid,
            CommandQueue queue) {
        this.mcu = mcu;
        this.command = command;
        this.response = response;
        this.oid = oid;
        this.queue = queue;
    }

    @Override
    public Map<String, Object> send(Object... params) {
        return sendScheduled(0, 0, params);
    }

    @Override
    public Map<String, Object> sendScheduled(long minclock, long reqclock, Object... params) {
        return mcu.query(command.encode(params), response, oid, queue, minclock, Math.max(minclock, reqclock));
    }
}
