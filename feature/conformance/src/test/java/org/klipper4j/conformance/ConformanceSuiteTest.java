/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;
import org.klipper4j.conformance.runner.LocalComponents;

/**
 * Every case of Klipper's reference corpus, run in batch mode in this JVM one after
 * another with the bundles on the test class path, and judged against Klipper's output.
 * A case fails the build unless it is equivalent, pending (its config needs a module no
 * bundle here provides) or listed in conformance-known-gaps.txt. A table of all cases
 * is printed at the end and written to conformance-work/report.txt.
 */
class ConformanceSuiteTest {
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(60);
    private static final List<CaseResult> RESULTS = new ArrayList<>();
    private static Map<String, String> knownGaps;
    private static CaseRunner runner;
    private static Path work;
    private static List<String> componentProblems;

    @BeforeAll
    static void setUp() throws IOException {
        ClassLoader loader = ConformanceSuiteTest.class.getClassLoader();
        ComponentCatalog catalog = ComponentCatalog.scan(loader);
        componentProblems = LocalComponents.start(catalog, loader).problems();
        work = Path.of(System.getProperty("conformance.work", "target/conformance-work"));
        runner = new CaseRunner(TestResources.reference(), work, catalog, loader, CASE_TIMEOUT);
        knownGaps = readKnownGaps();
    }

    static Map<String, String> readKnownGaps() throws IOException {
        Map<String, String> gaps = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestResources.root().resolve("conformance-known-gaps.txt"))) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+", 2);
            gaps.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return gaps;
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCase() throws IOException {
        List<ConformanceCase> cases = ConformanceCase.readAll(TestResources.reference().resolve("cases.tsv"));
        // -Dconformance.only=id1,id2 runs just those cases (a quick check while working on them)
        String only = System.getProperty("conformance.only", "").strip();
        if (!only.isEmpty()) {
            List<String> ids = List.of(only.split(","));
            cases = cases.stream().filter(c -> ids.contains(c.id())).toList();
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            CaseResult r = runner.run(c);
            synchronized (RESULTS) {
                RESULTS.add(r);
            }
            boolean passes = r.outcome() == CaseResult.Outcome.EQUIVALENT
                    || r.outcome() == CaseResult.Outcome.PENDING;
            if (!passes && !knownGaps.containsKey(c.id())) {
                fail(c.id() + ": " + r.verdict() + " (list it in conformance-known-gaps.txt if this is expected)");
            }
        }));
    }

    @AfterAll
    static void printTable() {
        StringBuilder sb = new StringBuilder("\nConformance against Klipper's reference output\n");
        sb.append(String.format("%-56s %8s  %s%n", "case", "time", "verdict"));
        int equivalent = 0;
        int pending = 0;
        for (CaseResult r : RESULTS) {
            String note = "";
            if (knownGaps.containsKey(r.id())) {
                note = r.outcome() == CaseResult.Outcome.EQUIVALENT ? "  [known gap now passes: remove it]"
                        : "  [known gap: " + knownGaps.get(r.id()) + "]";
            }
            sb.append(String.format("%-56s %7.2fs  %s%s%n", r.id(), r.seconds(), r.verdict(), note));
            equivalent += r.outcome() == CaseResult.Outcome.EQUIVALENT ? 1 : 0;
            pending += r.outcome() == CaseResult.Outcome.PENDING ? 1 : 0;
        }
        sb.append(String.format("%d cases: %d equivalent, %d pending, %d other%n", RESULTS.size(), equivalent,
                pending, RESULTS.size() - equivalent - pending));
        if (!componentProblems.isEmpty()) {
            sb.append("component problems:\n");
            componentProblems.forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        System.out.println(sb);
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("report.txt"), sb.toString());
        } catch (IOException e) {
            System.out.println("Unable to write the report to " + work + ": " + e.getMessage());
        }
    }
}
