/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** A command looked up by its dictionary format, ready to send. */
public interface McuCommand {
    /** Sends as soon as possible (in order on its command queue). */
    default void send(Object... params) {
        sendScheduled(0, 0, params);
    }

    /** Sends with scheduling clocks: not before {@code minclock}, needed by {@code reqclock}. */
    void sendScheduled(long minclock, long reqclock, Object... params);
}
