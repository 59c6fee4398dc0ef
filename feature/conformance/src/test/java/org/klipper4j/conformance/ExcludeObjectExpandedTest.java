/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;

/**
 * Klipper's exclude_object case with each M486 line replaced by what the case's
 * {@code [gcode_macro M486]} expands it to (resources/exclude-object-expanded), so the
 * exclude_object bundle is judged against Klipper's output without the macro bundle.
 */
class ExcludeObjectExpandedTest {

    @Test
    void expandedExcludeObjectCaseIsEquivalentToKlippersOutput() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        ComponentCatalog catalog = ComponentCatalog.scan(loader);
        Path work = Path.of(System.getProperty("conformance.work", "target/conformance-work"));
        CaseRunner runner = new CaseRunner(TestResources.reference(), work, catalog, loader, Duration.ofSeconds(60));
        ConformanceCase expanded = new ConformanceCase("exclude_object-expanded-macros",
                "../exclude-object-expanded/exclude_object.cfg", Map.of("mcu", "atmega2560.dict"),
                "../exclude-object-expanded/input.gcode",
                Map.of("mcu", "cases/exclude_object-exclude_object/expected.serial"), false, true);
        CaseResult result = runner.run(expanded);
        assertEquals(CaseResult.Outcome.EQUIVALENT, result.outcome(), result.verdict());
    }
}
