/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.mcu.McuCommand;

/** A command that records what was sent, with its clocks. */
final class RecordingCommand implements McuCommand {
    record Sent(String name, long minClock, long reqClock, Object[] args) {
        long arg(int i) {
            return ((Number) args[i]).longValue();
        }
    }

    private final String name;
    private final List<Sent> log;

    RecordingCommand(String name, List<Sent> log) {
        this.name = name;
        this.log = log;
    }

    @Override
    public void sendScheduled(long minclock, long reqclock, Object... params) {
        log.add(new Sent(name, minclock, reqclock, params));
    }

    /** Expands queue_step/set_next_step_dir messages of one oid into absolute step clocks (negative for backward). */
    static List<Long> expandSteps(List<Sent> sent, int oid) {
        List<Long> steps = new ArrayList<>();
        long clock = 0;
        int dir = 1;
        for (Sent s : sent) {
            if (s.arg(0) != oid) {
                continue;
            }
            if (s.name.equals("set_next_step_dir")) {
                dir = (int) s.arg(1);
                continue;
            }
            long interval = s.arg(1);
            long count = s.arg(2);
            long add = s.arg(3);
            for (int i = 0; i < count; i++) {
                clock += interval;
                steps.add(dir == 1 ? clock : -clock);
                interval += add;
            }
        }
        return steps;
    }
}
