/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * One {@code queue_step} command a stepper sent (Klipper's pull_history_steps):
 * its first and last step clocks, the step position before it, the signed step
 * count (negative when stepping backwards) and its interval and add. A position
 * marker (after a position reset) has {@code stepCount} 0.
 */
public record QueuedSteps(long firstClock, long lastClock, long startPosition, int stepCount, int interval,
        int add) {
}
