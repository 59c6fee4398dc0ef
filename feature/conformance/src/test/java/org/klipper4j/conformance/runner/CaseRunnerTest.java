/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.conformance.TestResources;
import org.klipper4j.core.api.PrinterModule;

/** Whole in-process batch runs of small cases, with a module that replays a stream as the MCU output. */
class CaseRunnerTest {
    @TempDir
    Path dir;
    private CaseRunner runner;
    private Path expected;

    @BeforeEach
    void setUp() throws IOException {
        Path ref = TestResources.reference();
        Files.createDirectories(dir.resolve("ref/dict"));
        Files.copy(ref.resolve("dict/atmega2560.dict"), dir.resolve("ref/dict/atmega2560.dict"));
        expected = ref.resolve("cases/pwm-pwm/expected.serial");
        Files.writeString(dir.resolve("ref/input.gcode"), "");
        ComponentDescription replay = new ComponentDescription("replay", ReplayModule.class.getName(),
                List.of(PrinterModule.class.getName()), Map.of(PrinterModule.SECTION, "replay"), List.of(), null, 0,
                "test");
        runner = new CaseRunner(dir.resolve("ref"), dir.resolve("work"), new ComponentCatalog(List.of(replay)),
                getClass().getClassLoader(), Duration.ofSeconds(30));
    }

    private ConformanceCase caseWith(String configText, boolean shouldFail) throws IOException {
        Files.writeString(dir.resolve("ref/printer.cfg"), configText);
        return new ConformanceCase("c1", "printer.cfg", Map.of("mcu", "atmega2560.dict"), "input.gcode",
                Map.of("mcu", expected.toString()), shouldFail, true);
    }

    @Test
    void aRunWritingKlippersStreamIsEquivalent() throws IOException {
        CaseResult r = runner.run(caseWith("[replay]\nfile: " + expected + "\n", false));
        assertEquals(CaseResult.Outcome.EQUIVALENT, r.outcome(), r.verdict());
        assertEquals("equivalent", r.verdict());
    }

    @Test
    void aRunWritingAnotherValueIsNotEquivalentAndSaysWhere() throws IOException {
        Path edited = TestResources.root().resolve("judge-pairs/pwm-change_output_value.serial");
        CaseResult r = runner.run(caseWith("[replay]\nfile: " + edited + "\n", false));
        assertEquals(CaseResult.Outcome.NOT_EQUIVALENT, r.outcome());
        assertTrue(r.verdict().startsWith("not equivalent: digital_out(pin=PH5): 1 value mismatches"), r.verdict());
    }

    @Test
    void aSectionWithoutModuleIsPendingBeforeRunning() throws IOException {
        CaseResult r = runner.run(caseWith("[replay]\nfile: x\n[bltouch]\n[fan]\n", false));
        assertEquals("pending: section 'bltouch' has no module (also: fan)", r.verdict());
        assertTrue(Files.notExists(dir.resolve("work/c1/out.serial")), "a pending case does not run");
    }

    @Test
    void aConfigErrorIsAnErrorWithTheExitCode() throws IOException {
        CaseResult r = runner.run(caseWith("[replay]\nfile: " + expected + "\nbogus: 1\n", false));
        assertEquals(CaseResult.Outcome.ERROR, r.outcome());
        assertEquals("error: exited with code 255: Config error: Option 'bogus' is not valid in section 'replay'",
                r.verdict());
    }

    @Test
    void aCaseKlipperFailsMustFailToo() throws IOException {
        CaseResult ok = runner.run(caseWith("[replay]\nfile: " + expected + "\n", true));
        assertEquals("not equivalent: exited 0, Klipper fails this case", ok.verdict());
        CaseResult failing = runner.run(caseWith("[replay]\nfile: " + expected + "\nbogus: 1\n", true));
        assertEquals(CaseResult.Outcome.EQUIVALENT, failing.outcome(), failing.verdict());
    }

    @Test
    void noOutputIsAnError() throws IOException {
        CaseResult r = runner.run(caseWith("", false));
        assertEquals("error: no output written for mcu 'mcu'", r.verdict());
    }

    @Test
    void anExtraMcuStreamGoesToTheOutputPathWithItsName() {
        assertEquals(Path.of("/tmp/out.serial"), CaseRunner.outputFor(Path.of("/tmp/out.serial"), "mcu"));
        assertEquals(Path.of("/tmp/out.serial-extboard"), CaseRunner.outputFor(Path.of("/tmp/out.serial"),
                "extboard"));
    }
}
