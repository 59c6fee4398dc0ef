/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import java.util.ArrayDeque;

/**
 * The messages of one MCU object, kept in the order sent: {@code upcoming} until their
 * min clock is near, then {@code ready} to go out by req clock across queues.
 */
public final class CommandQueue implements org.klipper4j.core.api.mcu.CommandQueue {
    final ArrayDeque<QueuedMessage> upcoming = new ArrayDeque<>();
    final ArrayDeque<QueuedMessage> ready = new ArrayDeque<>();
    boolean pending;

    boolean isEmpty() {
        return upcoming.isEmpty() && ready.isEmpty();
    }
}
