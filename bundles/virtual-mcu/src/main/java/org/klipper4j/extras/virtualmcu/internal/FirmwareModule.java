/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.Map;

/** One part of the firmware (a src/*.c file of Klipper's): its commands and its shutdown behaviour. */
interface FirmwareModule {
    /** Handles one decoded command; values in parameter order (integers Long, pins String, buffers byte[]). */
    interface Command {
        void run(Object[] args);
    }

    void registerCommands(Map<String, Command> commands);

    /** Puts outputs in their safe state after a shutdown (timers are already cleared). */
    default void onShutdown() {
    }

    static int u8(Object v) {
        return (int) (((Long) v) & 0xff);
    }

    static long u32(Object v) {
        return ((Long) v) & 0xffffffffL;
    }

    static int u16(Object v) {
        return (int) (((Long) v) & 0xffff);
    }

    static int s16(Object v) {
        return (short) ((Long) v).longValue();
    }
}
