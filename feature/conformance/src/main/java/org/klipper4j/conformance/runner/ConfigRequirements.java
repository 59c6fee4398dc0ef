/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.klipper4j.core.internal.host.ModuleRegistry;

/**
 * What a printer config needs before it can run: a module for every section and a
 * kinematics factory for {@code [printer] kinematics}. Sections the kinematics reads
 * itself (steppers, carriages) need no module of their own, {@code [extruderN]} is
 * served by the extruder module as in Klipper.
 */
public final class ConfigRequirements {
    private static final Pattern HEADER = Pattern.compile("^\\[([^\\]]+)\\]");
    private static final Pattern KINEMATICS = Pattern.compile("^kinematics\\s*[:=]\\s*(\\S+)");
    private static final Pattern EXTRA_EXTRUDER = Pattern.compile("extruder\\d+");
    /** Sections read by the kinematics, not loaded as modules. */
    private static final Set<String> READ_BY_KINEMATICS = Set.of("stepper", "carriage", "dual_carriage",
            "extra_carriage");

    private final List<String> sections = new ArrayList<>();
    private String kinematics;

    private ConfigRequirements() {
    }

    /** Reads the section names (following {@code [include]}) and the kinematics of a config. */
    public static ConfigRequirements read(Path config) throws IOException {
        ConfigRequirements r = new ConfigRequirements();
        r.readFile(config, new LinkedHashSet<>());
        return r;
    }

    private void readFile(Path file, Set<Path> seen) throws IOException {
        if (!seen.add(file.toAbsolutePath().normalize())) {
            return;
        }
        String current = null;
        for (String line : Files.readAllLines(file)) {
            Matcher h = HEADER.matcher(line);
            if (h.find()) {
                current = h.group(1).trim();
                if (current.startsWith("include ")) {
                    include(file.getParent(), current.substring(8).trim(), seen);
                } else {
                    sections.add(current);
                }
                continue;
            }
            Matcher k = KINEMATICS.matcher(line);
            if ("printer".equals(current) && k.find()) {
                kinematics = k.group(1);
            }
        }
    }

    private void include(Path dir, String pattern, Set<Path> seen) throws IOException {
        Path p = dir.resolve(pattern);
        if (!pattern.contains("*") && !pattern.contains("?")) {
            readFile(p, seen);
            return;
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.getParent(), p.getFileName().toString())) {
            ds.forEach(matches::add);
        }
        matches.sort(null);
        for (Path m : matches) {
            readFile(m, seen);
        }
    }

    public List<String> sections() {
        return List.copyOf(sections);
    }

    /** The {@code [printer] kinematics} value, or null. */
    public String kinematics() {
        return kinematics;
    }

    /** Module names (first words) of the sections no module serves, in config order. */
    public List<String> missingModules(ModuleRegistry.Snapshot modules, Set<String> coreSections) {
        Set<String> missing = new LinkedHashSet<>();
        for (String s : sections) {
            String first = s.split("\\s+")[0];
            if (coreSections.contains(first) || modules.find(s).isPresent()) {
                continue;
            }
            if (first.startsWith("stepper_") || READ_BY_KINEMATICS.contains(first)) {
                continue;
            }
            if (EXTRA_EXTRUDER.matcher(first).matches() && modules.find("extruder").isPresent()) {
                continue;
            }
            missing.add(first);
        }
        return List.copyOf(missing);
    }
}
