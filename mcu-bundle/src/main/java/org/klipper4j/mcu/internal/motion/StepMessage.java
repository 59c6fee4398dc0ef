/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import org.klipper4j.core.api.mcu.McuCommand;

/**
 * A command waiting in a stepper's queue. A non-zero {@code minClock} marks a
 * command that takes a slot of the MCU's move queue (Klipper's overloaded field).
 */
final class StepMessage {
    final McuCommand command;
    final Object[] args;
    long minClock;
    final long reqClock;

    StepMessage(McuCommand command, Object[] args, long minClock, long reqClock) {
        this.command = command;
        this.args = args;
        this.minClock = minClock;
        this.reqClock = reqClock;
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(args) + " min=" + minClock + " req=" + reqClock;
    }
}
