/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;

/** The SAVE_CONFIG block: reading it, staging changes, and rewriting printer.cfg with a backup. */
class SaveConfigTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final String HEADER_LINES = "#*# <---------------------- SAVE_CONFIG ---------------------->\n"
            + "#*# DO NOT EDIT THIS BLOCK OR BELOW. The contents are auto-generated.\n#*#\n";
    private static final String MAIN = "[printer]\nkinematics: none\nmax_velocity: 300\n\n"
            + "[extruder]\ncontrol: pid\npid_Kp: 1.0   # tune me\n  \n";

    private final List<String> exits = new ArrayList<>();
    private final Map<String, GCodeHandler> commands = new HashMap<>();
    private final Map<String, String> helps = new HashMap<>();

    private GCodeDispatch gcode() {
        return (GCodeDispatch) Proxy.newProxyInstance(GCodeDispatch.class.getClassLoader(),
                new Class<?>[] {GCodeDispatch.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerCommand")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    commands.put((String) args[0], (GCodeHandler) args[1]);
                    helps.put((String) args[0], (String) args[args.length - 1]);
                    return null;
                });
    }

    private ConfigFileObject configFile(Path cfg) {
        Printer printer = TestFiles.printer(exits, List.of());
        ConfigFileObject object = new ConfigFileObject(printer, PrinterConfig.load(printer, cfg), CLOCK);
        object.register(gcode());
        return object;
    }

    private void saveConfig() throws Exception {
        commands.get("SAVE_CONFIG").handle(null);
    }

    @Test
    void registersSaveConfigWithKlippersHelp() {
        configFile(TestFiles.write(dir, "printer.cfg", MAIN));
        assertEquals("Overwrite config file and restart", helps.get("SAVE_CONFIG"));
    }

    @Test
    void saveRewritesTheBlockKeepsABackupAndRestarts() throws Exception {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN);
        ConfigFileObject object = configFile(cfg);
        object.set("extruder", "pid_Kp", "22.2");
        object.set("bed_mesh default", "points", "\n0,1\n2,3");
        saveConfig();

        String expected = "[printer]\nkinematics: none\nmax_velocity: 300\n\n"
                + "[extruder]\ncontrol: pid\n#pid_Kp: 1.0   # tune me\n\n" + HEADER_LINES
                + "#*# [extruder]\n#*# pid_kp = 22.2\n#*#\n"
                + "#*# [bed_mesh default]\n#*# points =\n#*# \t0,1\n#*# \t2,3\n";
        assertEquals(expected, TestFiles.read(cfg));
        Path backup = dir.resolve("printer-20260304_050607.cfg");
        assertEquals(MAIN, TestFiles.read(backup));
        assertFalse(Files.exists(dir.resolve("printer_autosave.cfg")));
        assertEquals(List.of("restart"), exits);

        PrinterConfig reread = PrinterConfig.load(null, cfg);
        assertEquals(22.2, reread.section("extruder").getFloat("pid_kp"));
        assertEquals("\n0,1\n2,3", reread.section("bed_mesh default").get("points"));
        assertEquals("none", reread.section("printer").get("kinematics"));
    }

    @Test
    void secondSaveKeepsEarlierSavedValues() throws Exception {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN + "\n" + HEADER_LINES + "#*# [stepper_a]\n#*# angle = 210\n");
        ConfigFileObject object = configFile(cfg);
        object.set("printer", "max_velocity", "250");
        saveConfig();
        PrinterConfig reread = PrinterConfig.load(null, cfg);
        assertEquals("210", reread.section("stepper_a").get("angle"));
        assertEquals(250, reread.section("printer").getInt("max_velocity"));
        assertTrue(TestFiles.read(cfg).contains("\n#max_velocity: 300\n"));
    }

    @Test
    void nothingStagedMeansNoWriteAndNoRestart() throws Exception {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN);
        configFile(cfg);
        saveConfig();
        assertEquals(MAIN, TestFiles.read(cfg));
        assertTrue(exits.isEmpty());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void optionSetInAnIncludedFileCannotBeSaved() throws IOException {
        TestFiles.write(dir, "extruder.cfg", "[extruder]\npid_kp: 5\n");
        String main = "[printer]\nkinematics: none\n[include extruder.cfg]\n";
        Path cfg = TestFiles.write(dir, "printer.cfg", main);
        ConfigFileObject object = configFile(cfg);
        object.set("extruder", "pid_kp", "22.2");
        CommandError e = assertThrows(CommandError.class, this::saveConfig);
        assertEquals("SAVE_CONFIG section 'extruder' option 'pid_kp' conflicts with included value", e.getMessage());
        assertEquals(main, TestFiles.read(cfg));
        assertTrue(exits.isEmpty());
    }

    @Test
    void blockValuesApplyButTheMainFileWinsOnConflict() {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN + "\n" + HEADER_LINES
                + "#*# [extruder]\n#*# pid_kp = 30\n#*# pid_ki = 2\n#*#\n#*# [probe]\n#*# z_offset = 1.5\n");
        PrinterConfig c = PrinterConfig.load(null, cfg);
        assertEquals("1.0", c.section("extruder").get("pid_kp"));
        assertEquals("2", c.section("extruder").get("pid_ki"));
        assertEquals("1.5", c.section("probe").get("z_offset"));
        assertEquals(List.of("pid_ki"), c.autosave().options("extruder"));
    }

    @Test
    void editedBlockIsIgnored() {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN + "\n" + HEADER_LINES
                + "#*# [probe]\n#*# z_offset = 1.5\nhand_edit: 1\n");
        PrinterConfig c = PrinterConfig.load(null, cfg);
        assertFalse(c.hasSection("probe"));
        assertTrue(c.autosave().isEmpty());
        assertEquals("1", c.section("extruder").get("hand_edit"));
    }

    @Test
    void statusShowsPendingItemsAndRemovals() {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN + "\n" + HEADER_LINES + "#*# [bed_mesh old]\n#*# x = 1\n");
        ConfigFileObject object = configFile(cfg);
        Map<String, Object> status = object.getStatus(0);
        assertEquals(false, status.get("save_config_pending"));
        assertEquals(Map.of(), status.get("save_config_pending_items"));

        object.set("bed_mesh new", "points", "1");
        status = object.getStatus(0);
        assertEquals(true, status.get("save_config_pending"));
        assertEquals(Map.of("bed_mesh new", Map.of("points", "1")), status.get("save_config_pending_items"));

        object.removeSection("bed_mesh new");
        object.removeSection("bed_mesh old");
        @SuppressWarnings("unchecked")
        Map<String, Object> items = (Map<String, Object>) object.getStatus(0).get("save_config_pending_items");
        // As in Klipper: a removed section shows as null, whether it was staged or loaded.
        assertEquals(List.of("bed_mesh new", "bed_mesh old"), List.copyOf(items.keySet()));
        assertNull(items.get("bed_mesh new"));
        assertNull(items.get("bed_mesh old"));
        object.removeSection("never there");
        assertEquals(2, ((Map<?, ?>) object.getStatus(0).get("save_config_pending_items")).size());
    }

    @Test
    void statusShowsConfigSettingsAndWarnings() {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN);
        Printer printer = TestFiles.printer(exits, List.of());
        PrinterConfig config = PrinterConfig.load(printer, cfg);
        ConfigFileObject object = new ConfigFileObject(printer, config, CLOCK);
        config.section("printer").get("kinematics");
        config.section("printer").getFloat("max_velocity");
        config.section("extruder").get("control");
        config.section("extruder").getFloat("pid_kp");
        config.checkUnusedOptions(s -> null);
        object.warn("runtime_warning", "Something odd");
        object.deprecate("extruder", "pid_kp", null, "Option 'pid_kp' in section 'extruder' is deprecated.");

        Map<String, Object> status = object.getStatus(0);
        assertEquals(Map.of("printer", Map.of("kinematics", "none", "max_velocity", "300"),
                "extruder", Map.of("control", "pid", "pid_kp", "1.0")), status.get("config"));
        assertEquals(Map.of("printer", Map.of("kinematics", "none", "max_velocity", 300.0),
                "extruder", Map.of("control", "pid", "pid_kp", 1.0)), status.get("settings"));
        assertEquals(List.of(Map.of("type", "runtime_warning", "message", "Something odd"),
                Map.of("type", "deprecated_option", "message", "Option 'pid_kp' in section 'extruder' is deprecated.",
                        "section", "extruder", "option", "pid_kp")), status.get("warnings"));
    }

    @Test
    void configFileGoneBeforeSaveIsReported() throws Exception {
        Path cfg = TestFiles.write(dir, "printer.cfg", MAIN);
        ConfigFileObject object = configFile(cfg);
        object.set("extruder", "pid_kp", "22.2");
        Files.delete(cfg);
        CommandError e = assertThrows(CommandError.class, this::saveConfig);
        assertEquals("Unable to read existing config on SAVE_CONFIG", e.getMessage());
        assertTrue(exits.isEmpty());
    }

    @Test
    void backupOfAFileNotEndingInCfgGetsTheStampAppended() throws Exception {
        Path cfg = TestFiles.write(dir, "printer.conf", MAIN);
        ConfigFileObject object = configFile(cfg);
        object.set("probe", "z_offset", "1.0");
        saveConfig();
        assertEquals(MAIN, TestFiles.read(dir.resolve("printer.conf-20260304_050607")));
        assertEquals("1.0", PrinterConfig.load(null, cfg).section("probe").get("z_offset"));
    }
}
