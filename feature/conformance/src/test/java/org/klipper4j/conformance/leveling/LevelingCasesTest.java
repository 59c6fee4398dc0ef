/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.leveling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.klipper4j.conformance.TestResources;
import org.klipper4j.conformance.compare.StreamComparator;
import org.klipper4j.conformance.compare.Verdict;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;
import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * Leveling cases of Klipper's corpus on a copy of their config without the [bed_tilt] /
 * [bed_mesh] section they never use (those modules are
 * built elsewhere), judged against Klipper's whole expected output (see
 * without-bed-sections/README.md).
 */
class LevelingCasesTest {
    private static CaseRunner runner;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        ClassLoader loader = LevelingCasesTest.class.getClassLoader();
        ComponentCatalog catalog = ComponentCatalog.scan(loader);
        work = Path.of(System.getProperty("conformance.work", "target/conformance-work"));
        runner = new CaseRunner(TestResources.reference(), work, catalog, loader, Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @CsvSource({"screws_tilt_adjust-screws_tilt_adjust, screws_tilt_adjust", "z_tilt-z_tilt, z_tilt",
            "quad_gantry_level-z_tilt, z_tilt"})
    void matchesKlipperWithoutTheUnusedBedSection(String caseId, String configDir) throws IOException {
        String id = "without-bed-sections-" + caseId;
        String expected = "cases/" + caseId + "/expected.serial";
        ConformanceCase c = new ConformanceCase(id, "../without-bed-sections/" + configDir + "/printer.cfg",
                Map.of("mcu", "atmega2560.dict"), "cases/" + caseId + "/input.gcode", Map.of("mcu", expected),
                false, true);
        CaseResult r = runner.run(c);
        assertTrue(r.outcome() == CaseResult.Outcome.EQUIVALENT || r.outcome() == CaseResult.Outcome.NOT_EQUIVALENT,
                "the case did not run: " + r.verdict());
        DataDictionary dict = DataDictionary.load(TestResources.reference().resolve("dict/atmega2560.dict"));
        Verdict v = new StreamComparator(dict).compare(TestResources.reference().resolve(expected),
                work.toAbsolutePath().resolve(id).resolve("out.serial"));
        assertTrue(v.equivalent(), v.firstDifference());
    }
}
