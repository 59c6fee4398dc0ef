/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.idex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klipper4j.conformance.TestResources;
import org.klipper4j.conformance.compare.StreamComparator;
import org.klipper4j.conformance.compare.Verdict;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;
import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * Klipper's dual-carriage and generic_cartesian cases without the sections other
 * bundles serve ([gcode_macro], [servo], [input_shaper]): the configs in
 * {@code idex-reduced/} drop them and their G-code runs the T0/T1 macros' bodies
 * instead. What is left (homing both carriages, SET_DUAL_CARRIAGE,
 * SAVE/RESTORE_DUAL_CARRIAGE_STATE, SET_STEPPER_CARRIAGES, extruder changes,
 * STEPPER_BUZZ) must give Klipper's own steps, stepper by stepper, up to where the
 * removed input shaping changes them.
 */
class ReducedDualCarriageCasesTest {
    /** Outputs stay beside the suite's, for {@code mcustream.py compare}. */
    private static final Path work = Path.of(System.getProperty("conformance.work", "target/conformance-work"))
            .resolve("idex-reduced");

    /** In Klipper's hybrid_corexy_dual_carriage stream: the first command of the first shaped move. */
    private static final int FIRST_SHAPED_REF_COMMAND = 2259;

    private static CaseRunner runner;

    @BeforeAll
    static void setUp() throws IOException {
        ClassLoader loader = ReducedDualCarriageCasesTest.class.getClassLoader();
        runner = new CaseRunner(TestResources.reference(), work, ComponentCatalog.scan(loader), loader,
                Duration.ofSeconds(60));
    }

    private static Verdict run(String name, String caseId) throws IOException {
        Map<String, String> expected = Map.of("mcu", "cases/" + caseId + "/expected.serial");
        return run(name, caseId, Map.of("mcu", "atmega2560.dict"), expected).get("mcu");
    }

    /** Runs a reduced case; each MCU's stream judged against Klipper's. */
    private static Map<String, Verdict> run(String name, String caseId, Map<String, String> dicts,
            Map<String, String> expected) throws IOException {
        ConformanceCase c = new ConformanceCase(caseId, "../idex-reduced/" + name + "/printer.cfg", dicts,
                "../idex-reduced/" + name + "/input.gcode", expected, false, true);
        CaseResult r = runner.run(c);
        Map<String, Verdict> verdicts = new TreeMap<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String mcu = e.getKey();
            Path serial = work.resolve(caseId).resolve("out.serial");
            Path ours = mcu.equals("mcu") ? serial : Path.of(serial + "-" + mcu);
            if (!Files.exists(ours)) {
                throw new AssertionError(caseId + ": " + r.verdict());
            }
            Path reference = TestResources.reference();
            DataDictionary dict = DataDictionary.load(reference.resolve("dict").resolve(dicts.get(mcu)));
            verdicts.put(mcu, new StreamComparator(dict).compare(reference.resolve(e.getValue()), ours));
        }
        return verdicts;
    }

    @Test
    void dualCarriageOnCartesianStepsAsKlipper() throws IOException {
        Verdict v = run("dual_carriage", "dual_carriage-dual_carriage");
        // x, dual carriage, y, z and both extruders: every step as Klipper's
        assertEquals(6, v.steppers());
        assertTrue(v.pairedSteps() > 200_000, v.toString());
        assertOnlyTheServoIsMissing(v);
    }

    @Test
    void dualCarriageOnHybridCoreXYStepsAsKlipperUntilInputShapingStarts() throws IOException {
        Verdict v = run("hybrid_corexy_dual_carriage", "hybrid_corexy_dual_carriage-hybrid_corexy_dual_carriage");
        assertEquals(6, v.steppers());
        assertTrue(v.failures().stream().noneMatch(f -> f.startsWith("unmatched objects")), v.toString());
        // Klipper shapes every move after SET_INPUT_SHAPER (not run here): its first one, G1 X5,
        // starts at command #2259 of the reference stream; every step before it must agree
        Matcher m = Pattern.compile("ref cmd #(\\d+)").matcher(String.join("\n", v.failures()));
        while (m.find()) {
            assertTrue(Integer.parseInt(m.group(1)) >= FIRST_SHAPED_REF_COMMAND, v.failures().toString());
        }
        for (String f : v.failures()) {
            assertTrue(f.startsWith("stepper") || f.contains("0 value mismatches, 0 missing, 0 extra"), f);
        }
    }

    @Test
    void corexyuvOnGenericCartesianStepsAsKlipper() throws IOException {
        Verdict v = run("corexyuv", "corexyuv-corexyuv");
        // a, b, c, d (two dual-carriage axes), z, z1 and both extruders: every step as Klipper's
        assertEquals(8, v.steppers());
        assertTrue(v.pairedSteps() > 400_000, v.toString());
        assertOnlyTheServoIsMissing(v);
    }

    @Test
    void genericCartesianEndsWhereKlipperEnds() throws IOException {
        // Klipper shapes every move of this case (SET_INPUT_SHAPER comes first), so step
        // times differ; the configuration and each stepper's travel must still be Klipper's
        Verdict v = run("generic_cartesian", "generic_cartesian-generic_cartesian");
        assertEquals(8, v.steppers());
        assertTrue(v.failures().get(0).contains("1 only in ref, 0 only in test")
                && v.failures().get(0).contains("pin=PH4"), v.failures().get(0));
        Pattern counts = Pattern.compile("step counts \\(dir0/dir1\\) (\\d+)/(\\d+) vs (\\d+)/(\\d+)");
        for (String f : v.failures().subList(1, v.failures().size())) {
            if (f.startsWith("stepper")) {
                Matcher m = counts.matcher(f);
                if (m.find()) {
                    long refNet = Long.parseLong(m.group(2)) - Long.parseLong(m.group(1));
                    long testNet = Long.parseLong(m.group(4)) - Long.parseLong(m.group(3));
                    assertEquals(refNet, testNet, f);
                }
            } else {
                assertTrue(f.contains("0 missing, 0 extra"), f);
            }
        }
    }

    @Test
    void fourToolIdexOnTwoMcusStepsAsKlipperUntilInputShapingStarts() throws IOException {
        // generic_cartesian_iqex up to QUERY_ENDSTOPS: tool changes over four X carriages (two
        // pairs) and two Y gantries, SAVE/RESTORE_DUAL_CARRIAGE_STATE; Klipper shapes every move
        // after that, so this run stops there and its steps must be the start of Klipper's
        // t0..t3 on the extboard; four gantry steppers, three z and four extruders on the main MCU
        assertStepsStartAsKlipper("generic_cartesian_iqex", 15);
    }

    @Test
    void threeToolIdexWithACoreXYGantryStepsAsKlipperUntilInputShapingStarts() throws IOException {
        // generic_cartesian_itex likewise: t0/t1 on the first gantry, t2 driven with the second
        // gantry by two corexy-style steppers (carriage_t2-carriage_gantry1, carriage_t2+carriage_gantry1)
        assertStepsStartAsKlipper("generic_cartesian_itex", 12);
    }

    private static void assertStepsStartAsKlipper(String name, int stepperCount) throws IOException {
        String id = name + "-" + name;
        Map<String, Verdict> verdicts = run(name, id,
                Map.of("mcu", "stm32h723.dict", "extboard", "stm32h723.dict"),
                Map.of("mcu", "cases/" + id + "/expected.serial",
                        "extboard", "cases/" + id + "/expected-extboard.serial"));
        int steppers = 0;
        for (Verdict v : verdicts.values()) {
            steppers += v.steppers();
            for (String f : v.failures()) {
                assertTrue(!f.startsWith("unmatched objects") && !f.contains("over tolerance")
                        && !f.contains("different direction"), f);
            }
        }
        assertEquals(stepperCount, steppers);
    }

    private static void assertOnlyTheServoIsMissing(Verdict v) {
        assertEquals(List.of(), v.failures().stream().filter(f -> f.startsWith("stepper")).toList());
        // what remains is the removed [servo]: its object, and the sensor queries one slot earlier without it
        assertTrue(v.failures().get(0).contains("1 only in ref, 0 only in test")
                && v.failures().get(0).contains("pin=PH4"), v.failures().get(0));
        for (String f : v.failures().subList(1, v.failures().size())) {
            assertTrue(f.startsWith("analog_in(") && f.contains("0 value mismatches, 0 missing, 0 extra"), f);
        }
    }
}
