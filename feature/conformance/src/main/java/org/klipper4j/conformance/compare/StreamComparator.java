/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * Judges whether a host's MCU stream is equivalent to Klipper's, by the rules of
 * {@code mcustream.py compare}:
 * <ul>
 * <li>both streams decode cleanly, block sequence numbers are contiguous (unless
 * ignored), and neither holds an MCU-fatal command (unconfigured oid, queue_step count 0, ...);
 * <li>objects are paired by what they drive (pins, buses, referenced objects), not by oid;
 * every object has a partner with identical config commands;
 * <li>per stepper: equal step counts per direction and final position, and the k-th step
 * of each within 2 x max_error + 1 tick (queue_step chunking is free);
 * <li>every other object, pin and object-less command name: the same commands with the
 * same values in the same order, clocks within a tolerance (1 ms);
 * allocate_oids and finalize_config are not judged; ignored command names are skipped.
 * </ul>
 * One stream is one MCU: compare a multi-MCU run stream by stream.
 */
public final class StreamComparator {
    private static final Set<String> INFO_ONLY_GLOBALS = Set.of("allocate_oids", "finalize_config");

    private final DataDictionary dict;
    private double maxError = 0.000025;
    private double clockTolS = 0.001;
    private long ticksTol;
    private final Set<String> ignore = new TreeSet<>();
    private boolean ignoreSeq;
    private boolean finalStateOnly;

    public StreamComparator(DataDictionary dict) {
        this.dict = dict;
    }

    /** The stepper max_error in seconds; steps may differ by 2 x max_error + 1 tick (default 25 us). */
    public StreamComparator maxError(double seconds) {
        this.maxError = seconds;
        return this;
    }

    /** Allowed clock difference of other scheduled commands in seconds (default 1 ms). */
    public StreamComparator clockTolerance(double seconds) {
        this.clockTolS = seconds;
        return this;
    }

    /** Allowed difference of *ticks parameters (default 0). */
    public StreamComparator ticksTolerance(long ticks) {
        this.ticksTol = ticks;
        return this;
    }

    /** Leaves every command with this name out of the comparison. */
    public StreamComparator ignore(String commandName) {
        ignore.add(commandName);
        return this;
    }

    /** Does not fail on block sequence number gaps. */
    public StreamComparator ignoreSequence(boolean on) {
        this.ignoreSeq = on;
        return this;
    }

    /**
     * Judges only the last command of each name per object, pin and object-less name
     * (plus config and steps): for runs whose other traffic is timing-driven (LED updates
     * coalesced by a host timer), where only the final state is meaningful.
     */
    public StreamComparator finalStateOnly(boolean on) {
        this.finalStateOnly = on;
        return this;
    }

    public Verdict compare(Path reference, Path test) throws IOException {
        return compare(Files.readAllBytes(reference), Files.readAllBytes(test));
    }

    public Verdict compare(byte[] reference, byte[] test) {
        double freq = dict.constants().containsKey("CLOCK_FREQ") ? dict.clockFreq() : 1.0;
        McuStream refStream = McuStream.decode(dict, reference);
        McuStream testStream = McuStream.decode(dict, test);
        StreamModel ref = new StreamModel(refStream);
        StreamModel tst = new StreamModel(testStream);
        ObjectMatcher match = new ObjectMatcher(ref, tst);
        List<String> failures = new ArrayList<>();
        streamFailures("ref", ref, failures);
        streamFailures("test", tst, failures);
        objectFailures(ref, tst, match, failures);
        double tolTicks = 2 * maxError * freq + 1;
        int steppers = 0;
        long paired = 0;
        double worst = 0;
        for (McuObject ro : byOrder(ref)) {
            StepperTrack rt = ref.steppers.get(ro.oid);
            Long toid = match.refToTest.get(ro.oid);
            if (rt == null || toid == null || !tst.steppers.containsKey(toid)) {
                continue;
            }
            StepperTrack tt = tst.steppers.get(toid);
            StepComparison sc = StepComparison.compare(rt, tt, tolTicks);
            steppers++;
            paired += sc.paired;
            worst = Math.max(worst, sc.maxDiffTicks);
            List<String> why = new ArrayList<>();
            if (rt.steps[0] != tt.steps[0] || rt.steps[1] != tt.steps[1]) {
                why.add("step counts (dir0/dir1) " + rt.steps[0] + "/" + rt.steps[1] + " vs " + tt.steps[0] + "/"
                        + tt.steps[1]);
            }
            if (rt.position() != tt.position()) {
                why.add("final position " + rt.position() + " vs " + tt.position());
            }
            if (sc.dirMismatch > 0) {
                why.add(sc.dirMismatch + " paired steps with different direction, first at " + sc.firstDirMismatch);
            }
            if (sc.maxDiffTicks > tolTicks) {
                why.add(String.format("max step time difference %.1f ticks > %.1f; first over tolerance: %s",
                        sc.maxDiffTicks, tolTicks, sc.firstViolation));
            }
            if (!why.isEmpty()) {
                failures.add("stepper " + ro.label + ": " + String.join("; ", why));
            }
        }
        otherFailures(ref, tst, match, freq, failures);
        return new Verdict(List.copyOf(failures), steppers, paired, worst);
    }

    private void streamFailures(String role, StreamModel m, List<String> failures) {
        List<McuStream.Issue> decode = m.stream.decodeErrors();
        if (!decode.isEmpty()) {
            failures.add(role + ": " + decode.size() + " decode errors (first: " + decode.get(0) + ")");
        }
        List<McuStream.Issue> seq = m.stream.sequenceErrors();
        if (!seq.isEmpty() && !ignoreSeq) {
            failures.add(role + ": " + seq.size() + " sequence number errors (first: " + seq.get(0) + ")");
        }
        if (!m.errors.isEmpty()) {
            failures.add(role + ": " + m.errors.size() + " MCU-fatal anomalies (first: " + m.errors.get(0) + ")");
        }
        if (m.finalizeIndex < 0) {
            failures.add(role + ": no finalize_config");
        }
    }

    private void objectFailures(StreamModel ref, StreamModel tst, ObjectMatcher match, List<String> failures) {
        if (!match.unmatchedRef.isEmpty() || !match.unmatchedTest.isEmpty()) {
            String first = !match.unmatchedRef.isEmpty() ? "only in ref: " + match.unmatchedRef.get(0).config.text()
                    : "only in test: " + match.unmatchedTest.get(0).config.text();
            failures.add("unmatched objects: " + match.unmatchedRef.size() + " only in ref, "
                    + match.unmatchedTest.size() + " only in test (first " + first + ")");
        }
        int differ = 0;
        String first = null;
        for (var e : match.refToTest.entrySet()) {
            McuObject ro = ref.objects.get(e.getKey());
            McuObject to = tst.objects.get(e.getValue());
            var ri = SequenceComparison.items(ref, ro.setup, oid -> labelOf(ref, oid));
            var ti = SequenceComparison.items(tst, to.setup, oid -> labelOf(tst, oid));
            if (!SequenceComparison.sameSetup(ri, ti, ticksTol)) {
                differ++;
                if (first == null) {
                    first = ro.label + ": ref " + texts(ro.setup) + " / test " + texts(to.setup);
                }
            }
        }
        if (differ > 0) {
            failures.add(differ + " objects configured differently (first " + first + ")");
        }
    }

    private void otherFailures(StreamModel ref, StreamModel tst, ObjectMatcher match, double freq,
            List<String> failures) {
        // in final-state mode the clocks of timing-driven traffic mean nothing
        double clockTol = finalStateOnly ? Double.POSITIVE_INFINITY : clockTolS * freq;
        for (McuObject ro : byOrder(ref)) {
            Long toid = match.refToTest.get(ro.oid);
            if (toid == null) {
                continue;
            }
            McuObject to = tst.objects.get(toid);
            judge(ro.label, ref, kept(ro.runtime), tst, kept(to.runtime), clockTol, freq, failures);
        }
        Set<String> pins = new TreeSet<>(ref.pinCommands.keySet());
        pins.addAll(tst.pinCommands.keySet());
        for (String pin : pins) {
            judge("pin(" + pin + ")", ref, kept(ref.pinCommands.getOrDefault(pin, List.of())), tst,
                    kept(tst.pinCommands.getOrDefault(pin, List.of())), clockTol, freq, failures);
        }
        Set<String> names = new TreeSet<>();
        ref.globalCommands.forEach(c -> names.add(c.name()));
        tst.globalCommands.forEach(c -> names.add(c.name()));
        for (String name : names) {
            if (ignore.contains(name) || INFO_ONLY_GLOBALS.contains(name)) {
                continue;
            }
            judge("global " + name, ref, kept(ref.globalCommands.stream().filter(c -> c.name().equals(name)).toList()),
                    tst, kept(tst.globalCommands.stream().filter(c -> c.name().equals(name)).toList()), clockTol,
                    freq, failures);
        }
    }

    private void judge(String label, StreamModel ref, List<Command> rc, StreamModel tst, List<Command> tc,
            double clockTol, double freq, List<String> failures) {
        if (rc.isEmpty() && tc.isEmpty()) {
            return;
        }
        SequenceComparison r = SequenceComparison.compare(
                SequenceComparison.items(ref, rc, oid -> labelOf(ref, oid)),
                SequenceComparison.items(tst, tc, oid -> labelOf(tst, oid)), clockTol, ticksTol);
        if (!r.ok()) {
            failures.add(String.format("%s: %d value mismatches, %d missing, %d extra, %d clock differences > %.3f ms"
                    + " (first: %s)", label, r.mismatches, r.missing, r.extra, r.clockViolations, clockTolS * 1000,
                    r.firstDifference));
        }
    }

    private List<Command> kept(List<Command> cmds) {
        List<Command> out = cmds.stream().filter(c -> !ignore.contains(c.name())).toList();
        if (!finalStateOnly) {
            return out;
        }
        Map<String, Command> last = new LinkedHashMap<>();
        out.forEach(c -> last.put(c.name(), c));
        return last.values().stream().sorted(Comparator.comparingInt(Command::index)).toList();
    }

    private static String labelOf(StreamModel m, long oid) {
        McuObject o = m.objects.get(oid);
        return o != null ? o.label : "?oid" + oid;
    }

    private static List<McuObject> byOrder(StreamModel m) {
        List<McuObject> list = new ArrayList<>(m.objects.values());
        list.sort(Comparator.comparingInt(o -> o.order));
        return list;
    }

    private static List<String> texts(List<Command> cmds) {
        return cmds.stream().map(Command::text).toList();
    }
}
