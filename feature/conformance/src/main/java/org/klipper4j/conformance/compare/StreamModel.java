/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one stream does, independent of the other: its objects, each stepper's step
 * schedule, commands addressed by pin, object-less commands, and MCU-fatal anomalies
 * (commands on unconfigured oids, queue_step with count 0, ...).
 */
final class StreamModel {
    static final Set<String> STEP_COMMANDS = Set.of("queue_step", "set_next_step_dir", "reset_step_clock");

    final McuStream stream;
    final Map<Long, McuObject> objects = new LinkedHashMap<>();
    final Map<Long, StepperTrack> steppers = new LinkedHashMap<>();
    /** Commands with a pin but no oid, by pin key ({@code pin=PA1}). */
    final Map<String, List<Command>> pinCommands = new LinkedHashMap<>();
    final List<Command> globalCommands = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** Unwrapped clock values per command index (null where a parameter is no clock). */
    final Map<Integer, Long[]> times = new HashMap<>();
    int finalizeIndex = -1;

    StreamModel(McuStream stream) {
        this.stream = stream;
        build();
    }

    private void anomaly(List<String> list, Command c, String text) {
        list.add("cmd #" + c.index() + " " + text);
    }

    private void build() {
        List<Command> cmds = stream.commands();
        for (Command c : cmds) {
            if (c.name().equals("finalize_config") && c.known()) {
                finalizeIndex = c.index();
                break;
            }
        }
        int fin = finalizeIndex >= 0 ? finalizeIndex : cmds.size();
        ClockUnwrapper clocks = new ClockUnwrapper();
        int order = 0;
        for (Command c : cmds) {
            if (!c.isCommand()) {
                continue;
            }
            int oidIndex = c.oidIndex();
            Long oid = oidIndex >= 0 ? c.intValue(oidIndex) : null;
            Set<String> ignored = DontCare.of(c);
            for (int i = 0; i < c.values().length; i++) {
                if (c.role(i) == ParamRole.OIDREF && !objects.containsKey(c.intValue(i))
                        && !ignored.contains(c.params().get(i).name())) {
                    anomaly(errors, c, c.name() + " " + c.params().get(i).name() + "=" + c.intValue(i)
                            + " refers to an oid not configured before");
                }
            }
            if (c.name().startsWith("config_") && oid != null) {
                if (c.index() > fin) {
                    anomaly(errors, c, c.name() + " after finalize_config");
                }
                if (objects.containsKey(oid)) {
                    anomaly(errors, c, "oid " + oid + " configured twice");
                } else {
                    objects.put(oid, new McuObject(oid, c, order++));
                    if (c.name().equals("config_stepper")) {
                        steppers.put(oid, new StepperTrack());
                    }
                }
                continue;
            }
            unwrapClocks(c, clocks);
            if (oid == null) {
                String pins = pinKey(c);
                if (!pins.isEmpty()) {
                    pinCommands.computeIfAbsent(pins, k -> new ArrayList<>()).add(c);
                } else {
                    globalCommands.add(c);
                }
                continue;
            }
            McuObject obj = objects.get(oid);
            if (obj == null) {
                anomaly(errors, c, c.name() + " on unconfigured oid " + oid);
                continue;
            }
            if (STEP_COMMANDS.contains(c.name())) {
                StepperTrack track = steppers.get(oid);
                if (track == null) {
                    anomaly(errors, c, c.name() + " on non-stepper oid " + oid + " (" + obj.kind() + ")");
                    obj.runtime.add(c);
                    continue;
                }
                stepCommand(oid, track, c, clocks);
                continue;
            }
            (c.index() < fin ? obj.setup : obj.runtime).add(c);
        }
    }

    private void unwrapClocks(Command c, ClockUnwrapper clocks) {
        Long[] t = null;
        for (int i = 0; i < c.values().length; i++) {
            if (c.role(i) == ParamRole.CLOCK) {
                if (t == null) {
                    t = new Long[c.values().length];
                }
                t[i] = clocks.unwrap(c.intValue(i) & ClockUnwrapper.U32);
            }
        }
        if (t != null) {
            times.put(c.index(), t);
        }
    }

    /** The pins a command addresses, e.g. {@code pin=PA1}; empty if none. */
    static String pinKey(Command c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.values().length; i++) {
            if (c.role(i) == ParamRole.PIN) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(c.params().get(i).name()).append('=').append(c.valueText(i));
            }
        }
        return sb.toString();
    }

    /** Applies one stepper command as the firmware's stepper.c does. */
    private void stepCommand(long oid, StepperTrack track, Command c, ClockUnwrapper clocks) {
        switch (c.name()) {
            case "set_next_step_dir" -> track.nextDir = (c.intParam("dir", 0) & ClockUnwrapper.U32) != 0 ? 1 : 0;
            case "reset_step_clock" -> {
                long t = clockOf(c, "clock");
                if (!track.runs.isEmpty() && t < track.last) {
                    anomaly(warnings, c, "reset_step_clock oid=" + oid + " goes back " + (track.last - t)
                            + " ticks before the previous step");
                }
                track.last = t;
            }
            default -> queueStep(oid, track, c, clocks);
        }
    }

    private long clockOf(Command c, String name) {
        Long[] t = times.get(c.index());
        for (int i = 0; i < c.values().length; i++) {
            if (c.params().get(i).name().equals(name) && t != null && t[i] != null) {
                return t[i];
            }
        }
        return 0;
    }

    private void queueStep(long oid, StepperTrack track, Command c, ClockUnwrapper clocks) {
        long interval = c.intParam("interval", 0) & ClockUnwrapper.U32;
        int count = (int) (c.intParam("count", 0) & 0xffff);
        long add = c.intParam("add", 0) & 0xffff;
        if (add >= 0x8000) {
            add -= 0x10000;
        }
        if (count == 0) {
            anomaly(errors, c, "queue_step oid=" + oid + " with count=0 (MCU shutdown 'Invalid count parameter')");
            return;
        }
        if (count > 1) {
            // the steps' intervals run from interval+add to interval+(count-1)*add;
            // outside (0, 2^31) the MCU would see a step in the past
            long a = interval + add;
            long b = interval + (count - 1) * add;
            if (Math.min(a, b) <= 0 || Math.max(a, b) >= ClockUnwrapper.HALF_WRAP) {
                anomaly(errors, c, "queue_step oid=" + oid + " interval=" + interval + " add=" + add + " count="
                        + count + ": step interval leaves (0, 2^31)");
            }
        }
        long first = clocks.forward(track.last + interval);
        StepRun run = new StepRun(track.total(), count, first - interval, interval, add, track.nextDir, c.index());
        track.runs.add(run);
        track.steps[track.nextDir] += count;
        track.last = run.endTime();
        clocks.note(run.time(0));
    }
}
