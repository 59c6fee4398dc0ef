/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Compares the commands one object (or pin, or object-less command name) gets in two
 * streams: the same commands with the same values in the same order; clocks may differ
 * by a tolerance, *ticks values by another. Oids are replaced by object labels.
 */
final class SequenceComparison {
    /** A command normalised for comparison. */
    record Item(Command cmd, List<Object> key, long[] clocks, long[] ticks) {
        List<Object> alignKey(long ticksTol) {
            if (ticksTol != 0) {
                return key;
            }
            List<Object> k = new ArrayList<>(key);
            for (long t : ticks) {
                k.add(t);
            }
            return k;
        }
    }

    int mismatches;
    int missing;
    int extra;
    int clockViolations;
    long maxClockDiff;
    /** The first difference in words, or null. */
    String firstDifference;

    boolean ok() {
        return mismatches == 0 && missing == 0 && extra == 0 && clockViolations == 0;
    }

    /** Normalises commands: oids become labels, ints are taken mod 2^32, clocks and *ticks split off. */
    static List<Item> items(StreamModel model, List<Command> cmds, LongFunction<String> labelOf) {
        List<Item> out = new ArrayList<>();
        for (Command c : cmds) {
            if (!c.known()) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            key.add(c.name());
            List<Long> clocks = new ArrayList<>();
            List<Long> ticks = new ArrayList<>();
            Long[] times = model.times.get(c.index());
            Set<String> ignored = DontCare.of(c);
            for (int i = 0; i < c.values().length; i++) {
                String pname = c.params().get(i).name();
                ParamRole role = c.role(i);
                if (role == ParamRole.OID || ignored.contains(pname)) {
                    continue;
                }
                switch (role) {
                    case OIDREF -> key.add(pname + "=" + labelOf.apply(c.intValue(i)));
                    case CLOCK -> clocks.add(times == null || times[i] == null ? c.intValue(i) : times[i]);
                    case TICKS -> ticks.add(c.intValue(i) & ClockUnwrapper.U32);
                    case STR -> key.add(pname + "=" + c.valueText(i));
                    default -> key.add(pname + "=" + (c.intValue(i) & ClockUnwrapper.U32));
                }
            }
            out.add(new Item(c, key, clocks.stream().mapToLong(Long::longValue).toArray(),
                    ticks.stream().mapToLong(Long::longValue).toArray()));
        }
        return out;
    }

    /**
     * Compares two sequences. Equal prefix and suffix are paired; a differing middle is
     * paired by position, so any difference of commands or values fails the comparison.
     */
    static SequenceComparison compare(List<Item> ref, List<Item> test, double clockTol, long ticksTol) {
        SequenceComparison res = new SequenceComparison();
        List<List<Object>> rk = ref.stream().map(x -> x.alignKey(ticksTol)).toList();
        List<List<Object>> tk = test.stream().map(x -> x.alignKey(ticksTol)).toList();
        int nr = rk.size();
        int nt = tk.size();
        int n = Math.min(nr, nt);
        int p = 0;
        while (p < n && rk.get(p).equals(tk.get(p))) {
            p++;
        }
        int s = 0;
        while (s < n - p && rk.get(nr - 1 - s).equals(tk.get(nt - 1 - s))) {
            s++;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            pairs.add(new int[] {k, k});
        }
        int midR = nr - s - p;
        int midT = nt - s - p;
        for (int k = 0; k < Math.min(midR, midT); k++) {
            if (rk.get(p + k).equals(tk.get(p + k))) {
                pairs.add(new int[] {p + k, p + k});
            } else {
                res.mismatches++;
                res.note("value differs: ref=[" + ref.get(p + k).cmd().text() + "] test=["
                        + test.get(p + k).cmd().text() + "]");
            }
        }
        for (int k = Math.min(midR, midT); k < midR; k++) {
            res.missing++;
            res.note("missing in test: [" + ref.get(p + k).cmd().text() + "]");
        }
        for (int k = Math.min(midR, midT); k < midT; k++) {
            res.extra++;
            res.note("extra in test: [" + test.get(p + k).cmd().text() + "]");
        }
        for (int k = 0; k < s; k++) {
            pairs.add(new int[] {nr - s + k, nt - s + k});
        }
        for (int[] pr : pairs) {
            Item r = ref.get(pr[0]);
            Item t = test.get(pr[1]);
            boolean badTicks = false;
            for (int k = 0; k < Math.min(r.ticks().length, t.ticks().length); k++) {
                badTicks |= Math.abs(r.ticks()[k] - t.ticks()[k]) > ticksTol;
            }
            if (badTicks) {
                res.mismatches++;
                res.note("ticks differ: ref=[" + r.cmd().text() + "] test=[" + t.cmd().text() + "]");
            }
            for (int k = 0; k < Math.min(r.clocks().length, t.clocks().length); k++) {
                long d = ((t.clocks()[k] - r.clocks()[k] + ClockUnwrapper.HALF_WRAP) & ClockUnwrapper.U32)
                        - ClockUnwrapper.HALF_WRAP;
                res.maxClockDiff = Math.max(res.maxClockDiff, Math.abs(d));
                if (Math.abs(d) > clockTol) {
                    res.clockViolations++;
                    res.note("clock differs by " + d + " ticks: ref=[" + r.cmd().text() + "] test=["
                            + t.cmd().text() + "]");
                }
            }
        }
        return res;
    }

    /** True if both lists hold the same keys and ticks within {@code ticksTol} (config commands). */
    static boolean sameSetup(List<Item> ref, List<Item> test, long ticksTol) {
        if (ref.size() != test.size()) {
            return false;
        }
        for (int i = 0; i < ref.size(); i++) {
            Item a = ref.get(i);
            Item b = test.get(i);
            if (!Objects.equals(a.key(), b.key()) || a.ticks().length != b.ticks().length) {
                return false;
            }
            for (int k = 0; k < a.ticks().length; k++) {
                if (Math.abs(a.ticks()[k] - b.ticks()[k]) > ticksTol) {
                    return false;
                }
            }
        }
        return true;
    }

    private void note(String text) {
        if (firstDifference == null) {
            firstDifference = text;
        }
    }

    @Override
    public String toString() {
        return mismatches + " value mismatches, " + missing + " missing, " + extra + " extra, " + clockViolations
                + " clock differences" + (firstDifference == null ? "" : "; first: " + firstDifference);
    }
}
