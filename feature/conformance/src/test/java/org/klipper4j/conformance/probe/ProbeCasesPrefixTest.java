/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.probe;

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
 * The probe cases of Klipper's corpus that also need [bed_mesh] (not built yet), run on a
 * copy of their config without [bed_mesh] and with their G-code up to BED_MESH_CALIBRATE
 * (plus M400), judged against Klipper's output cut at that command
 * (partial/CASE/expected-prefix.serial, made by partial/make_prefix.py, see partial/README.md).
 * Where the last command is a move, the motors-off at exit (queue_digital_out) are not judged:
 * the host switches them off 0.25 s later than Klipper when the input ends after M400.
 */
class ProbeCasesPrefixTest {
    private static CaseRunner runner;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        ClassLoader loader = ProbeCasesPrefixTest.class.getClassLoader();
        ComponentCatalog catalog = ComponentCatalog.scan(loader);
        work = Path.of(System.getProperty("conformance.work", "target/conformance-work"));
        runner = new CaseRunner(TestResources.reference(), work, catalog, loader, Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @CsvSource({"z_virtual_endstop, true", "bltouch, false", "smart_effector, true"})
    void matchesKlipperUpToBedMeshCalibrate(String name, boolean skipMotorsOff) throws IOException {
        String dir = "../partial/" + name + "/";
        String id = "partial-" + name;
        Path expected = TestResources.root().resolve("partial").resolve(name).resolve("expected-prefix.serial");
        ConformanceCase c = new ConformanceCase(id, dir + "printer.cfg", Map.of("mcu", "atmega2560.dict"),
                dir + "input.gcode", Map.of("mcu", dir + "expected-prefix.serial"), false, true);
        CaseResult r = runner.run(c);
        assertTrue(r.outcome() == CaseResult.Outcome.EQUIVALENT || r.outcome() == CaseResult.Outcome.NOT_EQUIVALENT,
                "the case did not run: " + r.verdict());
        DataDictionary dict = DataDictionary.load(TestResources.reference().resolve("dict/atmega2560.dict"));
        StreamComparator comparator = new StreamComparator(dict);
        if (skipMotorsOff) {
            comparator.ignore("queue_digital_out");
        }
        Verdict v = comparator.compare(expected, work.toAbsolutePath().resolve(id).resolve("out.serial"));
        assertTrue(v.equivalent(), v.firstDifference());
    }
}
