/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Configures slf4j-simple before the first logger exists: message-only lines
 * close to Klipper's log, to a file (-l) or standard error, debug with -v.
 * A {@code -Dorg.slf4j.simpleLogger.*} given in JAVA_OPTS wins.
 */
public final class LogSetup {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSetup() {
    }

    public static void configure(Optional<Path> logFile, boolean verbose) {
        setDefault("logFile", logFile.map(p -> p.toAbsolutePath().toString()).orElse("System.err"));
        setDefault("defaultLogLevel", verbose ? "debug" : "info");
        setDefault("showThreadName", "false");
        setDefault("showLogName", "false");
        setDefault("showShortLogName", "false");
        // without a date format slf4j-simple shows milliseconds since start: useful timing with -v
        setDefault("showDateTime", Boolean.toString(verbose));
        setDefault("levelInBrackets", "false");
        // the framework and FileInstall talk a lot at debug level
        setDefault("log.org.apache.felix", "info");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
