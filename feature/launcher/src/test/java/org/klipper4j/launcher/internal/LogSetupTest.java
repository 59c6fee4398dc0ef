/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    private Properties saved;

    @BeforeEach
    void save() {
        saved = (Properties) System.getProperties().clone();
        System.getProperties().keySet().removeIf(k -> k.toString().startsWith("org.slf4j.simpleLogger."));
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    private static String prop(String key) {
        return System.getProperty("org.slf4j.simpleLogger." + key);
    }

    @Test
    void logfileAndVerboseSelectFileDebugAndTimestamps() {
        LogSetup.configure(Optional.of(Path.of("/tmp/klippy.log")), true);

        assertEquals("/tmp/klippy.log", prop("logFile"));
        assertEquals("debug", prop("defaultLogLevel"));
        assertEquals("true", prop("showDateTime"));
        assertEquals("false", prop("showThreadName"));
        assertEquals("false", prop("showLogName"));
        assertEquals("false", prop("showShortLogName"));
    }

    @Test
    void defaultIsInfoOnStandardErrorWithoutTimestamps() {
        LogSetup.configure(Optional.empty(), false);

        assertEquals("System.err", prop("logFile"));
        assertEquals("info", prop("defaultLogLevel"));
        assertEquals("false", prop("showDateTime"));
    }

    @Test
    void settingsGivenInJavaOptsWin() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        LogSetup.configure(Optional.empty(), true);

        assertEquals("warn", prop("defaultLogLevel"));
    }
}
