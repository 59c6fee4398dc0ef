/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.klipper4j.conformance.TestResources;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;
import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * The delta and rotary delta reference cases need {@code [delta_calibrate]}, which
 * no bundle serves yet. These tests run them with that section removed from a copy
 * of the config and judge the kinematics against Klipper's output: the printers
 * cases (move.gcode, no DELTA_CALIBRATE) must be equivalent as a whole, and the
 * delta case must match Klipper step for step up to its DELTA_CALIBRATE command.
 */
class DeltaFamilyConformanceTest {
    private static final double MAX_ERROR = 0.000025;
    /** How much of the end of a truncated run is left out of the comparison. */
    private static final double LAST_MOVE_SECONDS = 0.5;

    @TempDir
    Path dir;
    private Path ref;
    private CaseRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        ref = dir.resolve("ref");
        Files.createDirectories(ref.resolve("dict"));
        Files.copy(TestResources.reference().resolve("dict/atmega2560.dict"), ref.resolve("dict/atmega2560.dict"));
        // outputs stay in target/kinematics-work for inspection with mcustream.py
        runner = new CaseRunner(ref, work(), ComponentCatalog.scan(getClass().getClassLoader()),
                getClass().getClassLoader(), Duration.ofSeconds(60));
    }

    private static Path work() {
        return TestResources.root().getParent().resolve("kinematics-work");
    }

    /** {@code config} without the {@code [name]} section (header to the next header). */
    static String withoutSection(String config, String name) {
        StringBuilder sb = new StringBuilder();
        boolean skipping = false;
        for (String line : config.split("\n", -1)) {
            if (line.startsWith("[")) {
                skipping = line.strip().equals("[" + name + "]");
            }
            if (!skipping) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private ConformanceCase caseOf(String id, String config, String gcode, String expected) throws IOException {
        Files.writeString(ref.resolve(id + ".cfg"), config);
        Files.writeString(ref.resolve(id + ".gcode"), gcode);
        return new ConformanceCase(id, id + ".cfg", Map.of("mcu", "atmega2560.dict"), id + ".gcode",
                Map.of("mcu", TestResources.reference().resolve(expected).toString()), false, true);
    }

    private static String reference(String path) throws IOException {
        return Files.readString(TestResources.reference().resolve(path));
    }

    /** The steps of {@code t} up to clock {@code cutoff}. */
    static StepperTrack until(StepperTrack t, long cutoff) {
        StepperTrack res = new StepperTrack();
        for (StepRun r : t.runs) {
            int n = 0;
            while (n < r.count() && r.time(n) <= cutoff) {
                n++;
            }
            if (n == 0) {
                break;
            }
            res.runs.add(new StepRun(r.firstStep(), n, r.base(), r.interval(), r.add(), r.dir(), r.cmdIndex()));
            res.steps[r.dir()] += n;
            if (n < r.count()) {
                break;
            }
        }
        return res;
    }

    @Test
    void truncationKeepsTheStepsUpToTheCutoff() {
        StepperTrack t = new StepperTrack();
        t.runs.add(new StepRun(0, 3, 0, 10, 0, 1, 0));
        t.runs.add(new StepRun(3, 2, 30, 5, 0, 0, 1));
        StepperTrack cut = until(t, 35);
        assertEquals(3, cut.steps[1]);
        assertEquals(1, cut.steps[0]);
        assertEquals(2, cut.runs.size());
    }

    @Test
    void sectionRemovalKeepsEveryOtherSection() {
        String cfg = "[a]\nx: 1\n\n[delta_calibrate]\nradius: 50\n\n[b]\ny: 2\n";
        assertEquals("[a]\nx: 1\n\n[b]\ny: 2\n\n", withoutSection(cfg, "delta_calibrate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta", "rotary-delta"})
    void printersCaseWithoutDeltaCalibrateIsEquivalent(String kinematics) throws IOException {
        String config = withoutSection(reference("klipper/config/example-" + kinematics + ".cfg"), "delta_calibrate");
        assertFalse(config.contains("[delta_calibrate]"));
        ConformanceCase c = caseOf("printers-" + kinematics, config,
                reference("cases/printers-example-" + kinematics + "/input.gcode"),
                "cases/printers-example-" + kinematics + "/expected.serial");
        CaseResult r = runner.run(c);
        assertEquals(CaseResult.Outcome.EQUIVALENT, r.outcome(), r.verdict());
    }

    @ParameterizedTest
    @ValueSource(strings = {"printers-example-deltesian", "printers-example-winch", "polar-example-polar"})
    void otherKinematicsCasesAreEquivalent(String id) throws IOException {
        ConformanceCase c = ConformanceCase.readAll(TestResources.reference().resolve("cases.tsv")).stream()
                .filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        CaseResult r = new CaseRunner(TestResources.reference(), work(),
                ComponentCatalog.scan(getClass().getClassLoader()), getClass().getClassLoader(),
                Duration.ofSeconds(60)).run(c);
        assertEquals(CaseResult.Outcome.EQUIVALENT, r.outcome(), r.verdict());
    }

    @Test
    void deltaCaseMatchesKlipperUpToDeltaCalibrate() throws IOException {
        String config = withoutSection(reference("klipper/config/example-delta.cfg"), "delta_calibrate");
        List<String> before = new ArrayList<>();
        for (String line : reference("cases/delta-example-delta/input.gcode").split("\n")) {
            if (line.startsWith("DELTA_CALIBRATE")) {
                break;
            }
            before.add(line);
        }
        assertEquals(10, before.size());
        ConformanceCase c = caseOf("delta-before-calibrate", config, String.join("\n", before) + "\n",
                "cases/delta-example-delta/expected.serial");
        CaseResult r = runner.run(c);
        // the rest of Klipper's run (calibration probing, STEPPER_BUZZ) is missing from ours
        assertNotEquals(CaseResult.Outcome.ERROR, r.outcome(), r.verdict());
        Path ours = work().resolve(c.id()).resolve("out.serial");
        DataDictionary dict = DataDictionary.load(ref.resolve("dict/atmega2560.dict"));
        StreamModel klipper = new StreamModel(McuStream.decode(dict,
                Files.readAllBytes(TestResources.reference().resolve("cases/delta-example-delta/expected.serial"))));
        StreamModel test = new StreamModel(McuStream.decode(dict, Files.readAllBytes(ours)));
        ObjectMatcher match = new ObjectMatcher(klipper, test);
        double tolTicks = 2 * MAX_ERROR * dict.clockFreq() + 1;
        // Klipper's next move (DELTA_CALIBRATE's first probe move) joins the last G1
        // without a full stop, ours ends there: the last move's deceleration differs
        long cutoff = 0;
        for (StepperTrack t : test.steppers.values()) {
            if (!t.runs.isEmpty()) {
                cutoff = Math.max(cutoff, t.runs.get(t.runs.size() - 1).endTime());
            }
        }
        cutoff -= (long) (LAST_MOVE_SECONDS * dict.clockFreq());
        int towers = 0;
        for (McuObject ro : klipper.objects.values()) {
            StepperTrack kt = klipper.steppers.get(ro.oid);
            Long toid = match.refToTest.get(ro.oid);
            if (kt == null || toid == null || ro.label.contains("PA4")) {
                continue;
            }
            StepperTrack klipperPart = until(kt, cutoff);
            StepperTrack ourPart = until(test.steppers.get(toid), cutoff);
            StepComparison sc = StepComparison.compare(klipperPart, ourPart, tolTicks);
            assertTrue(ourPart.total() > 1000, ro.label + " moved only " + ourPart.total() + " steps");
            assertEquals(klipperPart.steps[0], ourPart.steps[0], ro.label + ": dir=0 steps before the last move");
            assertEquals(klipperPart.steps[1], ourPart.steps[1], ro.label + ": dir=1 steps before the last move");
            assertEquals(0, sc.dirMismatch, ro.label + ": " + sc.firstDirMismatch);
            assertTrue(sc.maxDiffTicks <= tolTicks, ro.label + ": " + sc.firstViolation);
            towers++;
        }
        assertEquals(3, towers);
    }
}
