/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klipper4j.conformance.TestResources;
import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * The comparator against the shared judge: reference streams edited in known ways
 * (judge-pairs/, built by tools/make-judge-pairs.py) must get the verdict mcustream.py
 * gave them, and every reference stream is equivalent to itself.
 */
class StreamComparatorTest {

    static Stream<Arguments> judgedPairs() throws IOException {
        Path root = TestResources.root();
        List<Arguments> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(root.resolve("judge-pairs/verdicts.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.add(Arguments.of(f[0], root.resolve(f[1]), root.resolve(f[2]), root.resolve(f[3]),
                    f[4].equals("yes")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("judgedPairs")
    void givesTheJudgesVerdict(String pair, Path dict, Path ref, Path test, boolean judgeSaysEquivalent)
            throws IOException {
        Verdict v = new StreamComparator(DataDictionary.load(dict)).compare(ref, test);
        assertEquals(judgeSaysEquivalent, v.equivalent(), pair + ": " + v);
    }

    static Stream<Arguments> referenceStreams() throws IOException {
        Path ref = TestResources.reference();
        List<Arguments> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(ref.resolve("cases.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String[] dicts = f[3].split(";");
            String[] expected = f[5].split(";");
            for (int i = 0; i < expected.length; i++) {
                String dict = dicts[i].contains("=") ? dicts[i].substring(dicts[i].indexOf('=') + 1) : dicts[i];
                out.add(Arguments.of(expected[i], ref.resolve("dict").resolve(dict), ref.resolve(expected[i])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceStreams")
    void everyReferenceStreamIsEquivalentToItself(String name, Path dict, Path stream) throws IOException {
        Verdict v = new StreamComparator(DataDictionary.load(dict)).compare(stream, stream);
        assertTrue(v.equivalent(), name + ": " + v);
    }

    @Test
    void namesTheFirstDifference() throws IOException {
        Path root = TestResources.root();
        DataDictionary dict = DataDictionary.load(root.resolve("reference/dict/atmega2560.dict"));
        Verdict v = new StreamComparator(dict).compare(
                root.resolve("reference/cases/pwm-pwm/expected.serial"),
                root.resolve("judge-pairs/pwm-change_output_value.serial"));
        assertFalse(v.equivalent());
        assertTrue(v.firstDifference().startsWith("digital_out(pin=PH5): 1 value mismatches"), v.firstDifference());
    }

    @Test
    void anIgnoredCommandIsNotJudged() throws IOException {
        Path root = TestResources.root();
        DataDictionary dict = DataDictionary.load(root.resolve("reference/dict/atmega2560.dict"));
        Path ref = root.resolve("reference/cases/pwm-pwm/expected.serial");
        Path test = root.resolve("judge-pairs/pwm-extra_command.serial");
        assertFalse(new StreamComparator(dict).compare(ref, test).equivalent());
        String extra = new StreamComparator(dict).compare(ref, test).firstDifference();
        String name = extra.contains("queue_pwm_out") ? "queue_pwm_out" : "queue_digital_out";
        assertTrue(new StreamComparator(dict).ignore(name).compare(ref, test).equivalent(), extra);
    }

    @Test
    void aStepShiftFailsOnlyBeyondTwiceMaxError() throws IOException {
        Path root = TestResources.root();
        DataDictionary dict = DataDictionary.load(root.resolve("reference/dict/atmega2560.dict"));
        Path ref = root.resolve("reference/cases/manual_stepper-manual_stepper/expected.serial");
        Path test = root.resolve("judge-pairs/manual_stepper-shift_step_within_tolerance.serial");
        // one queue_step of 3 steps 50 ticks slower per interval: its last step is 150 ticks late,
        // within 2 x 25 us + 1 tick at 16 MHz (801), not within 2 x 1 us + 1 tick (33)
        assertTrue(new StreamComparator(dict).compare(ref, test).equivalent());
        Verdict strict = new StreamComparator(dict).maxError(0.000001).compare(ref, test);
        assertFalse(strict.equivalent());
        assertTrue(strict.firstDifference().contains("max step time difference 150.0 ticks > 33.0"),
                strict.firstDifference());
    }

    @Test
    void inFinalStateModeOnlyTheLastCommandOfEachNameCounts() throws IOException {
        Path root = TestResources.root();
        DataDictionary dict = DataDictionary.load(root.resolve("reference/dict/atmega2560.dict"));
        Path ref = root.resolve("reference/cases/pwm-pwm/expected.serial");
        // an earlier value changed, a command repeated, a clock shifted: the final state is the same
        for (String pair : List.of("pwm-change_output_value", "pwm-extra_command", "pwm-shift_clock_beyond_1ms")) {
            Path test = root.resolve("judge-pairs/" + pair + ".serial");
            assertFalse(new StreamComparator(dict).compare(ref, test).equivalent(), pair);
            assertTrue(new StreamComparator(dict).finalStateOnly(true).compare(ref, test).equivalent(), pair);
        }
        // the last command missing changes the final state
        Path truncated = root.resolve("judge-pairs/pwm-truncate_tail.serial");
        assertFalse(new StreamComparator(dict).finalStateOnly(true).compare(ref, truncated).equivalent());
    }
}
