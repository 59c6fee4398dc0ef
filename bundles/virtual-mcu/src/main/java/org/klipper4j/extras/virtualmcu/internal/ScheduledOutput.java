/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.ArrayDeque;

/**
 * An output pin updated at scheduled clocks, with the firmware's max_duration safety:
 * when the pin leaves its default state, the next update must come within max_duration
 * ticks, or the firmware shuts down. Shared by digital (soft PWM) and hardware PWM outputs.
 */
final class ScheduledOutput {
    /**
     * The shutdown messages of one kind of output; {@code exactDefault}: only the exact
     * default value is safe (hardware PWM), else any full-on/full-off state matching it (digital).
     */
    record Kind(String exceedMessage, String missedMessage, boolean exactDefault) {
    }

    private record Update(long time, long value) {
    }

    private final Firmware fw;
    private final Kind kind;
    private final String pin;
    private final long defaultValue;
    private final long maxDuration;
    private final ArrayDeque<Update> queue = new ArrayDeque<>();
    private final Scheduler.Timer timer = new Scheduler.Timer(this::fire);
    /** Ticks for a full period (soft PWM cycle, or the PWM maximum for hardware PWM). */
    private long fullScale;
    private long value;
    private long endTime;
    private boolean checkEnd;
    private boolean endEventPending;

    ScheduledOutput(Firmware fw, Kind kind, String pin, long value, long defaultValue, long maxDuration,
            long fullScale) {
        this.fw = fw;
        this.kind = kind;
        this.pin = pin;
        this.defaultValue = defaultValue;
        this.maxDuration = maxDuration;
        this.fullScale = fullScale;
        apply(value);
    }

    boolean hasPendingUpdates() {
        return !queue.isEmpty();
    }

    void setFullScale(long fullScale) {
        this.fullScale = fullScale;
        apply(value);
    }

    /** queue_*_out: an update at {@code time}. */
    void queue(long time, long newValue) {
        fw.allocMove();
        queue.add(new Update(time, newValue));
        if (queue.size() > 1) {
            return;
        }
        if (checkEnd && time > endTime) {
            throw fw.shutdown(kind.exceedMessage());
        }
        endEventPending = false;
        fw.removeTimer(timer);
        fw.addTimer(timer, time);
    }

    /** update_digital_out: an immediate change, only while nothing is queued. */
    void updateNow(long newValue, String activeQueueMessage) {
        if (!queue.isEmpty() || timer.isQueued() && !endEventPending) {
            throw fw.shutdown(activeQueueMessage);
        }
        fw.removeTimer(timer);
        apply(newValue);
        armEndCheck(fw.now());
        if (checkEnd) {
            endEventPending = true;
            fw.addTimer(timer, endTime);
        }
    }

    private long fire(long waketime) {
        if (endEventPending) {
            throw fw.shutdown(kind.missedMessage());
        }
        Update u = queue.poll();
        if (u == null) {
            throw fw.shutdown(kind.missedMessage());
        }
        fw.freeMove();
        apply(u.value());
        armEndCheck(waketime);
        if (queue.isEmpty()) {
            if (!checkEnd) {
                return Scheduler.DONE;
            }
            endEventPending = true;
            return endTime;
        }
        long next = queue.peek().time();
        if (checkEnd && next > endTime) {
            throw fw.shutdown(kind.exceedMessage());
        }
        return next;
    }

    /** The pin must be updated again within max_duration unless it is in its default state. */
    private void armEndCheck(long from) {
        boolean atDefault;
        if (kind.exactDefault()) {
            atDefault = value == defaultValue;
        } else {
            boolean full = value == 0 || value >= fullScale;
            atDefault = full && (value != 0) == (defaultValue != 0);
        }
        checkEnd = maxDuration != 0 && !atDefault;
        endTime = from + maxDuration;
    }

    private void apply(long newValue) {
        value = newValue;
        double duty = newValue <= 0 ? 0 : fullScale <= 0 || newValue >= fullScale ? 1 : newValue / (double) fullScale;
        fw.plant().setOutput(pin, duty, fw.seconds(fw.now()));
    }

    /** After a shutdown: back to the default value, nothing queued. */
    void shutdownToDefault() {
        queue.clear();
        endEventPending = false;
        checkEnd = false;
        apply(defaultValue);
    }
}
