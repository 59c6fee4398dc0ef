/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.mcu.internal.serial.CommandQueue;

/** Where an MCU's encoded messages go: the live serial queue, or the batch output file. */
interface McuChannel {
    /** Queues one encoded message on {@code queue} with its scheduling clocks. */
    void send(byte[] msg, int off, int len, CommandQueue queue, long minClock, long reqClock);

    /** Registers (or with null removes) the handler of a response; handlers run on the reactor. */
    void registerResponse(String name, Integer oid, McuResponseHandler handler);

    /** The serial counters for the Stats line ("" if none). */
    String stats();

    /** Sends what is queued and releases the link or file. */
    void close();
}
