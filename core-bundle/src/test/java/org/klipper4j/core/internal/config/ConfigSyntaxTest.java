/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;

/** The line syntax of printer.cfg, with values as Python's configparser gives them for Klipper. */
class ConfigSyntaxTest {
    @TempDir
    Path dir;

    @Test
    void bothDelimitersAndTheFirstOneWins() {
        PrinterConfig c = TestFiles.load(dir, "[s]\na=b:c\nd: e=f\ng = h\ni : j\n");
        assertEquals(Map.of("a", "b:c", "d", "e=f", "g", "h", "i", "j"), c.rawConfigStatus().get("s"));
    }

    @Test
    void optionNamesAreLowerCaseAndSectionNamesKeepTheirCase() {
        PrinterConfig c = TestFiles.load(dir, "[Stepper_X]\nMax_Velocity : 3\n");
        assertTrue(c.hasSection("Stepper_X"));
        assertFalse(c.hasSection("stepper_x"));
        assertEquals("3", c.section("Stepper_X").get("MAX_VELOCITY"));
        assertEquals(List.of("max_velocity"), c.section("Stepper_X").getOptionNames());
    }

    @Test
    void commentsAsKlipperStripsThem() {
        PrinterConfig c = TestFiles.load(dir, "# whole line\n; whole line\n[s]  ; after header\n"
                + "v1: value#x\nv2: value ; c\nv3: value;c\nv4: value   # c\n  # indented comment\n");
        assertEquals(Map.of("v1", "value", "v2", "value", "v3", "value;c", "v4", "value"), c.rawConfigStatus().get("s"));
    }

    @Test
    void multiLineValuesKeepBlankLinesAndDropTrailingOnes() {
        PrinterConfig c = TestFiles.load(dir, "[gcode_macro T]\ngcode:\n  G28\n  \n  G1 X10   ; move\n"
                + "  ; comment line\n  # hash comment\n  M400\n\n\n[next]\npins: a,\n  b\nk: 1\n  [b]\n");
        assertEquals("\nG28\n\nG1 X10\n\nM400", c.section("gcode_macro T").get("gcode"));
        assertEquals("a,\nb", c.section("next").get("pins"));
        assertEquals("1\n[b]", c.section("next").get("k"));
        assertEquals(List.of("gcode_macro T", "next"), c.sections().stream().map(s -> s.getName()).toList());
    }

    @Test
    void repeatedSectionIsMergedAndLaterOptionsWin() {
        PrinterConfig c = TestFiles.load(dir, "[a]\nx: 1\ny: 2\n[b]\nz: 3\n[a]\nx: 10\nw: 4\n");
        assertEquals(List.of("a", "b"), c.sections().stream().map(s -> s.getName()).toList());
        assertEquals(List.of("x", "y", "w"), c.section("a").getOptionNames());
        assertEquals("10", c.section("a").get("x"));
    }

    @Test
    void windowsLineEndsAreAccepted() {
        PrinterConfig c = TestFiles.load(dir, "[s]\r\na: 1\r\ngcode:\r\n  G28\r\n  M400\r\n");
        assertEquals("1", c.section("s").get("a"));
        assertEquals("\nG28\nM400", c.section("s").get("gcode"));
    }

    @Test
    void optionBeforeAnySectionIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.load(dir, "\nfoo: bar\n[s]\n"));
        assertTrue(e.getMessage().startsWith("File contains no section headers."), e.getMessage());
        assertTrue(e.getMessage().contains("line: 2"), e.getMessage());
    }

    @Test
    void lineWithoutDelimiterIsAParsingError() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.load(dir, "[s]\na: 1\ngarbage\n"));
        assertTrue(e.getMessage().startsWith("Source contains parsing errors: '"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[line  3]: 'garbage'"), e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        Path missing = dir.resolve("nope.cfg");
        ConfigException e = assertThrows(ConfigException.class, () -> PrinterConfig.load(null, missing));
        assertEquals("Unable to open config file " + missing, e.getMessage());
    }

    @Test
    void logTextHasKlippersLayout() {
        PrinterConfig c = TestFiles.load(dir, "[printer]\nKinematics: none # c\n\n[gcode_macro X]\ngcode:\n  G28\n  M400\n");
        assertEquals("===== Config file =====\n[printer]\nkinematics = none\n\n[gcode_macro X]\ngcode = \n\tG28\n\tM400\n"
                + "=======================", c.logText());
    }
}
