/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.StartArgs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** klippy's command line, parsed by picocli. */
@Command(name = "klipper4j", mixinStandardHelpOptions = true, version = "klipper4j 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "A Klipper-compatible 3D-printer host: reads printer.cfg, drives MCUs running "
                + "Klipper firmware, accepts G-code and serves Klipper's API socket.",
        footer = {"", "Also: klipper4j dump DICT FILE   decode an MCU byte stream (a serial capture or -o output)"
                + " with data dictionary DICT, one message per line.",
                "      klipper4j bench CONFIG GCODE -d DICT [-o OUT]   run batch mode in-process and report moves/s,"
                + " steps/s, wall time and peak memory (klipper4j bench --help)."})
public final class LaunchOptions {

    /** Where klippy puts its G-code pseudo-tty unless told otherwise. */
    public static final String DEFAULT_INPUT_TTY = "/tmp/printer";

    @Parameters(index = "0", arity = "0..1", paramLabel = "printer.cfg",
            description = "The printer config file (default: the built-in virtual printer, "
                    + "config/virtual-printer.cfg of the distribution).")
    Path configFile;

    /** Uses {@code defaultConfig} when no printer.cfg was given. */
    public void defaultConfig(Path defaultConfig) {
        if (configFile == null) {
            configFile = defaultConfig;
        }
    }

    @Option(names = {"-l", "--logfile"}, paramLabel = "FILE",
            description = "Write the log to FILE instead of standard error.")
    Path logFile;

    @Option(names = {"-I", "--input-tty"}, paramLabel = "PATH",
            description = "Pseudo-tty for G-code input (default " + DEFAULT_INPUT_TTY + "; not created with -i).")
    Path inputTty;

    @Option(names = {"-a", "--api-server"}, paramLabel = "PATH",
            description = "Unix domain socket for the JSON API server (as used by Moonraker).")
    Path apiServer;

    @Option(names = {"-i", "--debuginput"}, paramLabel = "FILE",
            description = "Batch mode: read G-code from FILE instead of the pseudo-tty.")
    Path inputFile;

    @Option(names = {"-o", "--debugoutput"}, paramLabel = "FILE",
            description = "Batch mode: write the bytes meant for the MCUs to FILE; no MCU is contacted.")
    Path outputFile;

    @Option(names = {"-d", "--dictionary"}, paramLabel = "[NAME=]FILE",
            description = "MCU protocol dictionary for batch mode; NAME=FILE for the MCU [mcu NAME]. Repeatable.")
    List<String> dictionaries = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log debug messages (with milliseconds since start).")
    boolean verbose;

    @Option(names = "--check-config", description = "Validate printer.cfg and exit (non-zero with the error on failure).")
    boolean checkConfig;

    /**
     * Checks what can be checked before the framework starts.
     *
     * @return the problem as a one-line message, or empty if the options are usable
     */
    public Optional<String> problem() {
        if (!Files.isReadable(configFile)) {
            return Optional.of("Unable to open config file " + configFile);
        }
        if (inputFile != null && !Files.isReadable(inputFile)) {
            return Optional.of("Unable to open input file " + inputFile);
        }
        for (String entry : dictionaries) {
            String file = entry.substring(entry.indexOf('=') + 1);
            if (entry.startsWith("=") || file.isEmpty()) {
                return Optional.of("Invalid dictionary option '" + entry + "' (expected FILE or NAME=FILE)");
            }
            if (entry.contains(",")) {
                return Optional.of("Invalid dictionary option '" + entry + "' (a comma is not allowed)");
            }
            if (!Files.isReadable(Path.of(file))) {
                return Optional.of("Unable to open dictionary file " + file);
            }
        }
        return Optional.empty();
    }

    /** The options as the framework properties the core reads ({@link StartArgs}). */
    public Map<String, String> frameworkProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(StartArgs.PROP_CONFIG, absolute(configFile));
        putIfSet(props, StartArgs.PROP_LOGFILE, logFile);
        putIfSet(props, StartArgs.PROP_API_SERVER, apiServer);
        putIfSet(props, StartArgs.PROP_INPUT, inputFile);
        putIfSet(props, StartArgs.PROP_OUTPUT, outputFile);
        if (inputFile == null && inputTty != null) {
            props.put(StartArgs.PROP_INPUT_TTY, absolute(inputTty));
        } else if (inputFile == null && !checkConfig) {
            // as klippy: G-code comes from a pty unless a file is given; a config check runs no G-code
            props.put(StartArgs.PROP_INPUT_TTY, DEFAULT_INPUT_TTY);
        }
        if (!dictionaries.isEmpty()) {
            List<String> entries = new ArrayList<>();
            for (String entry : dictionaries) {
                int eq = entry.indexOf('=');
                entries.add(eq < 0 ? "mcu=" + absolute(Path.of(entry))
                        : entry.substring(0, eq) + "=" + absolute(Path.of(entry.substring(eq + 1))));
            }
            props.put(StartArgs.PROP_DICTIONARIES, String.join(",", entries));
        }
        props.put(StartArgs.PROP_VERBOSE, Boolean.toString(verbose));
        props.put(StartArgs.PROP_CHECK_CONFIG, Boolean.toString(checkConfig));
        return props;
    }

    /** The dictionary of the main MCU ({@code FILE} or {@code mcu=FILE}); the first one if none is named so. */
    public Path mainDictionary() {
        for (String entry : dictionaries) {
            int eq = entry.indexOf('=');
            if (eq < 0 || entry.substring(0, eq).equals("mcu")) {
                return Path.of(entry.substring(eq + 1));
            }
        }
        String first = dictionaries.get(0);
        return Path.of(first.substring(first.indexOf('=') + 1));
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    public boolean verbose() {
        return verbose;
    }

    private static void putIfSet(Map<String, String> props, String key, Path value) {
        if (value != null) {
            props.put(key, absolute(value));
        }
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
