/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.klipper4j.conformance.compare.StreamComparator;
import org.klipper4j.conformance.compare.Verdict;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.internal.host.HostLoop;
import org.klipper4j.core.internal.host.ModuleRegistry;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.ProtocolException;

/**
 * Runs one reference case in batch mode in this JVM, as {@code klipper4j CONFIG -i
 * input.gcode -o out.serial -d DICT [-d NAME=DICT]} would (the host loop without OSGi,
 * the section modules from the class path's bundles), and judges its output against
 * Klipper's. A case whose config needs a module not present ends as pending before it runs.
 */
public final class CaseRunner {
    private final Path referenceDir;
    private final Path workDir;
    private final ComponentCatalog catalog;
    private final ClassLoader loader;
    private final Duration timeout;

    /**
     * @param referenceDir the reference corpus (cases.tsv, dict/, klipper/, cases/)
     * @param workDir      where outputs are written, one folder per case
     * @param catalog      the components to run with
     * @param loader       the class loader of the components
     * @param timeout      how long one case may run
     */
    public CaseRunner(Path referenceDir, Path workDir, ComponentCatalog catalog, ClassLoader loader,
            Duration timeout) {
        this.referenceDir = referenceDir.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.catalog = catalog;
        this.loader = loader;
        this.timeout = timeout;
    }

    public CaseResult run(ConformanceCase c) {
        long start = System.nanoTime();
        try {
            return finish(c, start, runOrPend(c));
        } catch (IOException | ProtocolException e) {
            return result(c, start, CaseResult.Outcome.ERROR, e.getMessage());
        }
    }

    private CaseResult finish(ConformanceCase c, long start, Map.Entry<CaseResult.Outcome, String> r) {
        return result(c, start, r.getKey(), r.getValue());
    }

    private static CaseResult result(ConformanceCase c, long start, CaseResult.Outcome o, String detail) {
        return new CaseResult(c.id(), o, detail == null ? "" : detail, (System.nanoTime() - start) / 1e9);
    }

    private Map.Entry<CaseResult.Outcome, String> runOrPend(ConformanceCase c) throws IOException {
        Path config = referenceDir.resolve(c.config()).normalize();
        LocalComponents components = LocalComponents.start(catalog, loader);
        ModuleRegistry registry = new ModuleRegistry();
        components.moduleEntries().forEach(registry::add);
        components.kinematicsEntries().forEach(registry::addKinematics);
        String pending = pendingReason(ConfigRequirements.read(config), registry, components);
        if (pending != null) {
            return Map.entry(CaseResult.Outcome.PENDING, pending);
        }
        Path out = workDir.resolve(c.id());
        Files.createDirectories(out);
        Path serial = out.resolve("out.serial");
        Map<String, Path> dicts = new LinkedHashMap<>();
        c.dictionaries().forEach((name, file) -> dicts.put(name, referenceDir.resolve("dict").resolve(file)));
        for (String name : c.expected().keySet()) {
            Files.deleteIfExists(outputFor(serial, name));
        }
        StartArgs args = new StartArgs(config, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(referenceDir.resolve(c.gcode())), Optional.of(serial), dicts, false, false);
        Integer exit;
        String hostError;
        try (HostErrorCapture errors = new HostErrorCapture()) {
            exit = runHost(args, registry);
            hostError = errors.firstError();
        }
        if (exit == null) {
            return Map.entry(CaseResult.Outcome.ERROR, "timed out after " + timeout.toSeconds() + " s");
        }
        if (c.shouldFail() && exit == 0) {
            return Map.entry(CaseResult.Outcome.NOT_EQUIVALENT, "exited 0, Klipper fails this case");
        }
        if (!c.shouldFail() && exit != 0) {
            return Map.entry(CaseResult.Outcome.ERROR, "exited with code " + exit
                    + (hostError != null ? ": " + hostError : " (see the log)"));
        }
        return judge(c, serial);
    }

    private String pendingReason(ConfigRequirements req, ModuleRegistry registry, LocalComponents components) {
        List<String> missing = req.missingModules(registry.snapshot(), HostLoop.coreSections());
        if (!missing.isEmpty()) {
            String more = missing.size() > 1 ? " (also: " + String.join(", ", missing.subList(1, missing.size()))
                    + ")" : "";
            return "section '" + missing.get(0) + "' has no module" + more;
        }
        if (req.kinematics() != null && !components.kinematicsNames().contains(req.kinematics())) {
            return "kinematics '" + req.kinematics() + "' has no module";
        }
        return null;
    }

    /** Runs the host until it exits; the exit code, or null on timeout. */
    private Integer runHost(StartArgs args, ModuleRegistry registry) {
        BlockingQueue<Integer> exit = new ArrayBlockingQueue<>(1);
        HostLoop loop = new HostLoop(args, registry, exit::offer);
        loop.start();
        try {
            Integer code = exit.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (code == null) {
                loop.stop();
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.stop();
            return null;
        }
    }

    /** Klipper writes an extra MCU's stream to {@code <-o path>-<name>}. */
    static Path outputFor(Path serial, String mcuName) {
        return mcuName.equals("mcu") ? serial : Path.of(serial + "-" + mcuName);
    }

    private Map.Entry<CaseResult.Outcome, String> judge(ConformanceCase c, Path serial) throws IOException {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : c.expected().entrySet()) {
            String mcu = e.getKey();
            Path ours = outputFor(serial, mcu);
            if (!Files.exists(ours)) {
                return Map.entry(CaseResult.Outcome.ERROR, "no output written for mcu '" + mcu + "'");
            }
            String dictFile = c.dictionaries().getOrDefault(mcu, c.dictionaries().get("mcu"));
            DataDictionary dict = DataDictionary.load(referenceDir.resolve("dict").resolve(dictFile));
            StreamComparator comparator = new StreamComparator(dict).finalStateOnly(!c.strict());
            Verdict v = comparator.compare(referenceDir.resolve(e.getValue()), ours);
            if (!v.equivalent()) {
                differences.add((c.expected().size() > 1 ? "mcu '" + mcu + "': " : "") + v.firstDifference());
            }
        }
        return differences.isEmpty() ? Map.entry(CaseResult.Outcome.EQUIVALENT, "")
                : Map.entry(CaseResult.Outcome.NOT_EQUIVALENT, differences.get(0));
    }
}
