/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of {@code klipper4j bench}, parsed by picocli. */
@Command(name = "klipper4j bench", mixinStandardHelpOptions = true, version = "klipper4j 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs batch mode in this process on CONFIG and GCODE and reports moves, steps, "
                + "moves/s, steps/s, wall time (time to ready and processing) and peak resident memory.")
public final class BenchOptions {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The printer config file.")
    Path configFile;

    @Parameters(index = "1", paramLabel = "GCODE", description = "The G-code file to run.")
    Path gcodeFile;

    @Option(names = {"-d", "--dictionary"}, paramLabel = "[NAME=]FILE", required = true,
            description = "MCU protocol dictionary; NAME=FILE for the MCU [mcu NAME]. Repeatable.")
    List<String> dictionaries = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Keep the MCU byte stream in FILE (default: a temporary file, deleted at the end).")
    Path outputFile;

    /** The matching batch-mode command line, checked as the host's own command line is. */
    LaunchOptions asLaunchOptions(Path output) {
        LaunchOptions launch = new LaunchOptions();
        launch.configFile = configFile;
        launch.inputFile = gcodeFile;
        launch.outputFile = output;
        launch.dictionaries = dictionaries;
        return launch;
    }

    /** A one-line problem with the files, or empty if they can be read. */
    Optional<String> problem() {
        if (!Files.isReadable(gcodeFile)) {
            return Optional.of("Unable to open G-code file " + gcodeFile);
        }
        return asLaunchOptions(Path.of("unused")).problem();
    }

    Optional<Path> outputFile() {
        return Optional.ofNullable(outputFile);
    }

    Path gcodeFile() {
        return gcodeFile;
    }
}
