/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.idex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.conformance.TestResources;
import org.klipper4j.conformance.compare.StreamComparator;
import org.klipper4j.conformance.compare.Verdict;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;
import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * Klipper's dual-carriage cases without the sections other bundles serve
 * ([gcode_macro], [servo], [input_shaper]): the configs in {@code idex-reduced/}
 * drop them and their G-code runs the T0/T1 macros' bodies instead. What is left
 * (homing both carriages, SET_DUAL_CARRIAGE, SAVE/RESTORE_DUAL_CARRIAGE_STATE,
 * extruder changes, STEPPER_BUZZ) must give Klipper's own steps, stepper by stepper.
 */
class ReducedDualCarriageCasesTest {
    @TempDir
    static Path work;

    private static CaseRunner runner;

    @BeforeAll
    static void setUp() throws IOException {
        ClassLoader loader = ReducedDualCarriageCasesTest.class.getClassLoader();
        runner = new CaseRunner(TestResources.reference(), work, ComponentCatalog.scan(loader), loader,
                Duration.ofSeconds(60));
    }

    private static Verdict run(String name, String caseId) throws IOException {
        ConformanceCase c = new ConformanceCase(caseId, "../idex-reduced/" + name + "/printer.cfg",
                Map.of("mcu", "atmega2560.dict"), "../idex-reduced/" + name + "/input.gcode",
                Map.of("mcu", "cases/" + caseId + "/expected.serial"), false, true);
        CaseResult r = runner.run(c);
        Path ours = work.resolve(caseId).resolve("out.serial");
        if (!Files.exists(ours)) {
            throw new AssertionError(caseId + ": " + r.verdict());
        }
        DataDictionary dict = DataDictionary.load(TestResources.reference().resolve("dict/atmega2560.dict"));
        return new StreamComparator(dict).compare(TestResources.reference().resolve(c.expected().get("mcu")), ours);
    }

    @Test
    void dualCarriageOnCartesian() throws IOException {
        Verdict v = run("dual_carriage", "dual_carriage-dual_carriage");
        System.out.println("dual_carriage: " + v + "\n  " + String.join("\n  ", v.failures()));
    }

    @Test
    void dualCarriageOnHybridCoreXY() throws IOException {
        Verdict v = run("hybrid_corexy_dual_carriage", "hybrid_corexy_dual_carriage-hybrid_corexy_dual_carriage");
        System.out.println("hybrid: " + v + "\n  " + String.join("\n  ", v.failures()));
    }
}
