/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Pairs the objects of two streams by what they are, not by oid: first by kind and what
 * they drive (pins, buses, referenced objects), then by all config values, then by which
 * objects use them; what is still alike is paired in creation order. Gives each object a
 * label; a pair shares one, so commands naming objects compare equal across streams.
 */
final class ObjectMatcher {
    final Map<Long, Long> refToTest = new LinkedHashMap<>();
    final Map<Long, Long> testToRef = new HashMap<>();
    final List<McuObject> unmatchedRef = new ArrayList<>();
    final List<McuObject> unmatchedTest = new ArrayList<>();

    ObjectMatcher(StreamModel ref, StreamModel test) {
        computeKeys(ref);
        computeKeys(test);
        Map<String, List<List<McuObject>>> groups = new LinkedHashMap<>();
        for (McuObject o : byOrder(ref)) {
            groups.computeIfAbsent(o.key1, k -> List.of(new ArrayList<>(), new ArrayList<>())).get(0).add(o);
        }
        for (McuObject o : byOrder(test)) {
            groups.computeIfAbsent(o.key1, k -> List.of(new ArrayList<>(), new ArrayList<>())).get(1).add(o);
        }
        for (List<List<McuObject>> g : groups.values()) {
            pairGroup(g.get(0), g.get(1));
        }
        for (McuObject o : ref.objects.values()) {
            if (!refToTest.containsKey(o.oid)) {
                unmatchedRef.add(o);
            }
        }
        for (McuObject o : test.objects.values()) {
            if (!testToRef.containsKey(o.oid)) {
                unmatchedTest.add(o);
            }
        }
        assignLabels(ref, test);
    }

    private static List<McuObject> byOrder(StreamModel m) {
        List<McuObject> list = new ArrayList<>(m.objects.values());
        list.sort(Comparator.comparingInt(o -> o.order));
        return list;
    }

    private void pairGroup(List<McuObject> rlist, List<McuObject> tlist) {
        List<Function<McuObject, String>> keys = List.of(o -> o.key1, o -> o.key2, o -> o.key3);
        for (Function<McuObject, String> key : keys) {
            if (rlist.isEmpty() || tlist.isEmpty()) {
                return;
            }
            Map<String, List<McuObject>> byR = new LinkedHashMap<>();
            Map<String, List<McuObject>> byT = new HashMap<>();
            rlist.forEach(o -> byR.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
            tlist.forEach(o -> byT.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
            for (Map.Entry<String, List<McuObject>> e : byR.entrySet()) {
                List<McuObject> ts = byT.get(e.getKey());
                if (ts != null && e.getValue().size() == 1 && ts.size() == 1) {
                    pair(e.getValue().get(0), ts.get(0));
                }
            }
            rlist = rlist.stream().filter(o -> !refToTest.containsKey(o.oid)).toList();
            tlist = tlist.stream().filter(o -> !testToRef.containsKey(o.oid)).toList();
        }
        for (int i = 0; i < Math.min(rlist.size(), tlist.size()); i++) {
            pair(rlist.get(i), tlist.get(i));
        }
    }

    private void pair(McuObject r, McuObject t) {
        refToTest.put(r.oid, t.oid);
        testToRef.put(t.oid, r.oid);
    }

    /** key1: kind + enumerated setup values + key1 of referenced objects + pins used later. */
    private static String key1(StreamModel m, long oid, int depth) {
        McuObject obj = m.objects.get(oid);
        if (obj == null || depth > 8) {
            return "?unconfigured";
        }
        if (obj.key1 == null) {
            StringBuilder sb = new StringBuilder(obj.kind());
            for (Command c : obj.setup) {
                for (int i = 0; i < c.values().length; i++) {
                    ParamRole role = c.role(i);
                    if (role == ParamRole.PIN || role == ParamRole.ENUM) {
                        sb.append('|').append(c.name()).append(':').append(c.params().get(i).name()).append('=')
                                .append(c.valueText(i));
                    } else if (role == ParamRole.OIDREF) {
                        sb.append('|').append(c.name()).append(':').append(c.params().get(i).name()).append("=<")
                                .append(key1(m, c.intValue(i), depth + 1)).append('>');
                    }
                }
            }
            // pins given after finalize_config (buttons_add) identify the object too
            Set<String> later = new TreeSet<>();
            for (Command c : obj.runtime) {
                for (int i = 0; i < c.values().length; i++) {
                    if (c.role(i) == ParamRole.PIN) {
                        later.add(c.name() + ':' + c.params().get(i).name() + '=' + c.valueText(i));
                    }
                }
            }
            later.forEach(s -> sb.append("|+").append(s));
            obj.key1 = sb.toString();
        }
        return obj.key1;
    }

    private static void computeKeys(StreamModel m) {
        for (long oid : m.objects.keySet()) {
            key1(m, oid, 0);
        }
        for (McuObject obj : m.objects.values()) {
            StringBuilder sb = new StringBuilder(obj.key1);
            for (Command c : obj.setup) {
                for (int i = 0; i < c.values().length; i++) {
                    ParamRole role = c.role(i);
                    if (role == ParamRole.INT || role == ParamRole.TICKS || role == ParamRole.STR
                            || role == ParamRole.CLOCK) {
                        sb.append('|').append(c.name()).append(':').append(c.params().get(i).name()).append('=')
                                .append(c.valueText(i));
                    }
                }
            }
            obj.key2 = sb.toString();
        }
        Map<Long, Set<String>> usage = new HashMap<>();
        for (McuObject obj : m.objects.values()) {
            List<Command> uses = new ArrayList<>(obj.runtime);
            uses.addAll(obj.setup.subList(1, obj.setup.size()));
            for (Command c : uses) {
                for (int i = 0; i < c.values().length; i++) {
                    if (c.role(i) != ParamRole.OIDREF) {
                        continue;
                    }
                    long v = c.intValue(i);
                    McuObject other = m.objects.get(v);
                    if (other != null && v != obj.oid) {
                        String how = c.name() + ':' + c.params().get(i).name();
                        usage.computeIfAbsent(v, k -> new TreeSet<>()).add(how + " from <" + obj.key1 + ">");
                        usage.computeIfAbsent(obj.oid, k -> new TreeSet<>()).add(how + " to <" + other.key1 + ">");
                    }
                }
            }
        }
        for (McuObject obj : m.objects.values()) {
            obj.key3 = obj.key1 + "|used:" + usage.getOrDefault(obj.oid, Set.of());
        }
    }

    /** A readable name: kind and pins/enums, e.g. {@code stepper(step_pin=PF0,dir_pin=PF1)}. */
    private static String label(McuObject obj) {
        String kind = obj.kind().startsWith("config_") ? obj.kind().substring(7) : obj.kind();
        Set<String> desc = new LinkedHashSet<>();
        List<Command> all = new ArrayList<>(obj.setup);
        all.addAll(obj.runtime);
        for (int k = 0; k < all.size(); k++) {
            Command c = all.get(k);
            boolean inSetup = k < obj.setup.size();
            for (int i = 0; i < c.values().length; i++) {
                ParamRole role = c.role(i);
                if (role == ParamRole.PIN || (role == ParamRole.ENUM && inSetup)) {
                    desc.add(c.params().get(i).name() + "=" + c.valueText(i));
                }
            }
        }
        return desc.isEmpty() ? kind : kind + "(" + String.join(",", desc) + ")";
    }

    private void assignLabels(StreamModel ref, StreamModel test) {
        Map<String, Integer> seen = new HashMap<>();
        for (McuObject o : byOrder(ref)) {
            String base = label(o);
            int n = seen.merge(base, 1, Integer::sum);
            o.label = n == 1 ? base : base + "#" + n;
            Long t = refToTest.get(o.oid);
            if (t != null) {
                test.objects.get(t).label = o.label;
            } else {
                o.label += "[ref-only]";
            }
        }
        for (McuObject o : test.objects.values()) {
            if (o.label == null) {
                o.label = label(o) + "[test-only,oid" + o.oid + "]";
            }
        }
    }
}
