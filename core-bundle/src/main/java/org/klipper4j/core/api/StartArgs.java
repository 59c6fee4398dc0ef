/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The host's start arguments (klippy's command line), as the launcher parsed them.
 *
 * @param configFile     printer.cfg
 * @param logFile        the -l log file, if any
 * @param inputTty       the -I pseudo-tty path, if any
 * @param apiServer      the -a API socket path, if any
 * @param inputFile      the -i G-code file (batch mode), if any
 * @param outputFile     the -o output file (batch mode), if any
 * @param dictionaries   -d dictionaries: "mcu" for the main one, else the MCU name
 * @param verbose        -v
 * @param checkConfigOnly --check-config: validate and exit
 */
public record StartArgs(Path configFile, Optional<Path> logFile, Optional<Path> inputTty,
        Optional<Path> apiServer, Optional<Path> inputFile, Optional<Path> outputFile,
        Map<String, Path> dictionaries, boolean verbose, boolean checkConfigOnly) {

    /** Framework property names the launcher sets and the core reads. */
    public static final String PROP_CONFIG = "klipper4j.config";
    public static final String PROP_LOGFILE = "klipper4j.logfile";
    public static final String PROP_INPUT_TTY = "klipper4j.inputtty";
    public static final String PROP_API_SERVER = "klipper4j.apiserver";
    public static final String PROP_INPUT = "klipper4j.input";
    public static final String PROP_OUTPUT = "klipper4j.output";
    /** Comma-separated {@code name=path}; the main MCU is {@code mcu}. */
    public static final String PROP_DICTIONARIES = "klipper4j.dictionaries";
    public static final String PROP_VERBOSE = "klipper4j.verbose";
    public static final String PROP_CHECK_CONFIG = "klipper4j.checkconfig";

    /**
     * Reads start arguments from framework properties; empty if no config is set
     * (then the core bundle waits, as in an integration test that sets them later).
     */
    public static Optional<StartArgs> fromProperties(java.util.function.Function<String, String> props) {
        String config = props.apply(PROP_CONFIG);
        if (config == null || config.isBlank()) {
            return Optional.empty();
        }
        Map<String, Path> dicts = new java.util.LinkedHashMap<>();
        String d = props.apply(PROP_DICTIONARIES);
        if (d != null && !d.isBlank()) {
            for (String entry : d.split(",")) {
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    dicts.put("mcu", Path.of(entry));
                } else {
                    dicts.put(entry.substring(0, eq), Path.of(entry.substring(eq + 1)));
                }
            }
        }
        return Optional.of(new StartArgs(Path.of(config), opt(props, PROP_LOGFILE), opt(props, PROP_INPUT_TTY),
                opt(props, PROP_API_SERVER), opt(props, PROP_INPUT), opt(props, PROP_OUTPUT), Map.copyOf(dicts),
                Boolean.parseBoolean(props.apply(PROP_VERBOSE)), Boolean.parseBoolean(props.apply(PROP_CHECK_CONFIG))));
    }

    private static Optional<Path> opt(java.util.function.Function<String, String> props, String key) {
        String v = props.apply(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /** Batch mode: output goes to a file and no MCU is contacted. */
    public boolean isBatch() {
        return outputFile.isPresent();
    }
}
