/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.StartArgs;

import picocli.CommandLine;

class LaunchOptionsTest {

    @TempDir
    Path dir;
    private Path cfg;
    private Path gcode;
    private Path dict;
    private Path dict2;

    @BeforeEach
    void files() throws IOException {
        cfg = Files.writeString(dir.resolve("printer.cfg"), "[printer]\n");
        gcode = Files.writeString(dir.resolve("in.gcode"), "G28\n");
        dict = Files.writeString(dir.resolve("mcu.dict"), "{}");
        dict2 = Files.writeString(dir.resolve("aux.dict"), "{}");
    }

    private LaunchOptions parse(String... args) {
        LaunchOptions options = new LaunchOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void batchModeArgumentsBecomeStartArgsTheCoreCanRead() {
        LaunchOptions options = parse(cfg.toString(), "-i", gcode.toString(), "-o", dir.resolve("out.serial").toString(),
                "-d", dict.toString(), "-d", "aux=" + dict2, "-v");
        Map<String, String> props = options.frameworkProperties();

        StartArgs args = StartArgs.fromProperties(props::get).orElseThrow();
        assertEquals(cfg, args.configFile());
        assertEquals(Optional.of(gcode), args.inputFile());
        assertEquals(Optional.of(dir.resolve("out.serial")), args.outputFile());
        assertEquals(Map.of("mcu", dict, "aux", dict2), args.dictionaries());
        assertTrue(args.verbose());
        assertTrue(args.isBatch());
        assertFalse(args.checkConfigOnly());
        assertEquals(Optional.empty(), args.inputTty(), "no pty in batch mode");
    }

    @Test
    void interactiveModeUsesKlippysDefaultPty() {
        StartArgs args = StartArgs.fromProperties(parse(cfg.toString()).frameworkProperties()::get).orElseThrow();

        assertEquals(Optional.of(Path.of("/tmp/printer")), args.inputTty());
        assertEquals(Optional.empty(), args.apiServer());
        assertFalse(args.isBatch());
    }

    @Test
    void ttyApiSocketLogAndCheckConfigArePassedOn() {
        Path tty = dir.resolve("tty");
        Path uds = dir.resolve("uds");
        Path log = dir.resolve("klippy.log");
        StartArgs args = StartArgs.fromProperties(parse(cfg.toString(), "-I", tty.toString(), "-a", uds.toString(),
                "-l", log.toString(), "--check-config").frameworkProperties()::get).orElseThrow();

        assertEquals(Optional.of(tty), args.inputTty());
        assertEquals(Optional.of(uds), args.apiServer());
        assertEquals(Optional.of(log), args.logFile());
        assertTrue(args.checkConfigOnly());
    }

    @Test
    void aConfigCheckOpensNoDefaultPty() {
        StartArgs args = StartArgs.fromProperties(parse(cfg.toString(), "--check-config").frameworkProperties()::get)
                .orElseThrow();

        assertTrue(args.checkConfigOnly());
        assertEquals(Optional.empty(), args.inputTty());
    }

    @Test
    void relativePathsAreMadeAbsolute() {
        Map<String, String> props = parse("some/printer.cfg").frameworkProperties();

        assertEquals(Path.of("some/printer.cfg").toAbsolutePath().toString(), props.get(StartArgs.PROP_CONFIG));
    }

    @Test
    void usableOptionsHaveNoProblem() {
        assertEquals(Optional.empty(), parse(cfg.toString(), "-d", dict.toString()).problem());
    }

    @Test
    void aMissingConfigIsReportedAsKlipperDoes() {
        Path missing = dir.resolve("nope.cfg");

        assertEquals(Optional.of("Unable to open config file " + missing), parse(missing.toString()).problem());
    }

    @Test
    void missingInputAndDictionaryFilesAreNamed() {
        assertEquals(Optional.of("Unable to open input file " + dir.resolve("x.gcode")),
                parse(cfg.toString(), "-i", dir.resolve("x.gcode").toString()).problem());
        assertEquals(Optional.of("Unable to open dictionary file " + dir.resolve("x.dict")),
                parse(cfg.toString(), "-d", "aux=" + dir.resolve("x.dict")).problem());
    }

    @Test
    void malformedDictionaryOptionIsRejected() {
        assertEquals(Optional.of("Invalid dictionary option '=" + dict + "' (expected FILE or NAME=FILE)"),
                parse(cfg.toString(), "-d", "=" + dict).problem());
        assertEquals(Optional.of("Invalid dictionary option 'aux=' (expected FILE or NAME=FILE)"),
                parse(cfg.toString(), "-d", "aux=").problem());
    }

    @Test
    void theConfigFileDefaultsToTheGivenBuiltInOne() {
        LaunchOptions options = parse("-v");
        options.defaultConfig(Path.of("/opt/k4j/config/virtual-printer.cfg"));
        assertEquals("/opt/k4j/config/virtual-printer.cfg", options.frameworkProperties().get(StartArgs.PROP_CONFIG));

        LaunchOptions given = parse("my.cfg");
        given.defaultConfig(Path.of("/opt/k4j/config/virtual-printer.cfg"));
        assertTrue(given.frameworkProperties().get(StartArgs.PROP_CONFIG).endsWith("my.cfg"));
    }
}
