/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.conformance.TestResources;

class ConformanceCaseTest {
    @TempDir
    Path dir;

    private static Map<String, ConformanceCase> all() throws IOException {
        return ConformanceCase.readAll(TestResources.reference().resolve("cases.tsv")).stream()
                .collect(Collectors.toMap(ConformanceCase::id, Function.identity()));
    }

    @Test
    void readsEveryCaseOfTheCorpus() throws IOException {
        Map<String, ConformanceCase> cases = all();
        assertEquals(45, cases.size());
        ConformanceCase c = cases.get("commands-example-cartesian");
        assertEquals("klipper/config/example-cartesian.cfg", c.config());
        assertEquals(Map.of("mcu", "atmega2560.dict"), c.dictionaries());
        assertEquals("cases/commands-example-cartesian/input.gcode", c.gcode());
        assertFalse(c.shouldFail());
        assertTrue(c.strict());
    }

    @Test
    void extraMcusHaveTheirOwnDictionaryAndStream() throws IOException {
        ConformanceCase c = all().get("generic_cartesian_iqex-generic_cartesian_iqex");
        assertEquals(List.of("mcu", "extboard"), List.copyOf(c.dictionaries().keySet()));
        assertEquals("stm32h723.dict", c.dictionaries().get("extboard"));
        assertEquals("cases/generic_cartesian_iqex-generic_cartesian_iqex/expected-extboard.serial",
                c.expected().get("extboard"));
        assertEquals("cases/generic_cartesian_iqex-generic_cartesian_iqex/expected.serial", c.expected().get("mcu"));
    }

    @Test
    void flagsShouldFailAndNonStrictCases() throws IOException {
        Map<String, ConformanceCase> cases = all();
        assertEquals(List.of("out_of_bounds-example-cartesian"),
                cases.values().stream().filter(ConformanceCase::shouldFail).map(ConformanceCase::id).toList());
        assertEquals(List.of("led-led"),
                cases.values().stream().filter(c -> !c.strict()).map(ConformanceCase::id).toList());
    }

    @Test
    void aLineWithMissingFieldsIsNamed() throws IOException {
        Path tsv = dir.resolve("cases.tsv");
        Files.writeString(tsv, "case_id\tconfig\tdicts\n a\tb\n");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ConformanceCase.readAll(tsv));
        assertTrue(e.getMessage().endsWith("line 2: 2 fields, expected 3"), e.getMessage());
    }
}
