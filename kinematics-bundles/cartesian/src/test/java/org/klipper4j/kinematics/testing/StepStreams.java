/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Expands queue_step/set_next_step_dir streams into step clocks per step pin (negative clock: dir=0). */
public final class StepStreams {
    private StepStreams() {
    }

    /** From decoded text lines as mcustream.py prints them. */
    public static Map<String, List<Long>> fromDecoded(List<String> lines) {
        Map<Long, String> pinByOid = new HashMap<>();
        List<long[]> cmds = new ArrayList<>();
        for (String line : lines) {
            Map<String, String> kv = new HashMap<>();
            String[] parts = line.trim().split(" ");
            for (int i = 1; i < parts.length; i++) {
                String[] p = parts[i].split("=", 2);
                kv.put(p[0], p[1]);
            }
            switch (parts[0]) {
                case "config_stepper" -> pinByOid.put(Long.parseLong(kv.get("oid")), kv.get("step_pin"));
                case "set_next_step_dir" -> cmds.add(new long[] {0, Long.parseLong(kv.get("oid")),
                        Long.parseLong(kv.get("dir"))});
                case "queue_step" -> cmds.add(new long[] {1, Long.parseLong(kv.get("oid")),
                        Long.parseLong(kv.get("interval")), Long.parseLong(kv.get("count")),
                        Long.parseLong(kv.get("add"))});
                default -> {
                }
            }
        }
        return expand(pinByOid, cmds);
    }

    /** From what a simulated MCU recorded. */
    public static Map<String, List<Long>> fromSim(SimMcu mcu) {
        Map<Long, String> pinByOid = new HashMap<>();
        for (String c : mcu.config) {
            if (c.startsWith("config_stepper")) {
                Map<String, String> kv = new HashMap<>();
                for (String part : c.split(" ")) {
                    String[] p = part.split("=", 2);
                    if (p.length == 2) {
                        kv.put(p[0], p[1]);
                    }
                }
                pinByOid.put(Long.parseLong(kv.get("oid")), kv.get("step_pin"));
            }
        }
        List<long[]> cmds = new ArrayList<>();
        for (SimMcu.Sent s : mcu.sent) {
            if (s.name().equals("set_next_step_dir")) {
                cmds.add(new long[] {0, s.arg(0), s.arg(1)});
            } else if (s.name().equals("queue_step")) {
                cmds.add(new long[] {1, s.arg(0), s.arg(1), s.arg(2), s.arg(3)});
            }
        }
        return expand(pinByOid, cmds);
    }

    private static Map<String, List<Long>> expand(Map<Long, String> pinByOid, List<long[]> cmds) {
        Map<Long, Long> clocks = new HashMap<>();
        Map<Long, Long> dirs = new HashMap<>();
        Map<String, List<Long>> res = new HashMap<>();
        for (long[] c : cmds) {
            long oid = c[1];
            if (c[0] == 0) {
                dirs.put(oid, c[2]);
                continue;
            }
            long clock = clocks.getOrDefault(oid, 0L);
            long interval = c[2];
            List<Long> steps = res.computeIfAbsent(pinByOid.get(oid), k -> new ArrayList<>());
            for (long i = 0; i < c[3]; i++) {
                clock += interval;
                steps.add(dirs.getOrDefault(oid, 0L) == 1 ? clock : -clock);
                interval += c[4];
            }
            clocks.put(oid, clock);
        }
        return res;
    }
}
