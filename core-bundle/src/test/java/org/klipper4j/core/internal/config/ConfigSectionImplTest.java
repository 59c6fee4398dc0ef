/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/** Typed getters with Klipper's messages, and what they record for {@code configfile.settings}. */
class ConfigSectionImplTest {
    @TempDir
    Path dir;
    PrinterConfig config;
    ConfigSection s;

    @BeforeEach
    void load() {
        config = TestFiles.load(dir, "[s]\nword: hello\nnum: 42\nbig: 1_000\nsigned: -7\nhalf: 1.5\nexp: 1e3\n"
                + "inf: inf\nyes: Yes\noff: OFF\none: 1\nbad: maybe\nhexnum: 0x10\nfsuffix: 1.5f\n"
                + "choice: corexy\nlist: a, b,,c\nints: 1, 2,3\nfloats: 0.5,1\nintsbad: 1,,2\n"
                + "rows:\n  1,2\n  3, 4\nempty:\n[s2]\nx: 1\n[s3]\n[other]\n");
        s = config.section("s");
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(ConfigException.class, call).getMessage());
    }

    @Test
    void strings() {
        assertEquals("hello", s.get("word"));
        assertEquals("hello", s.get("WORD"));
        assertEquals("dflt", s.get("missing", "dflt"));
        assertNull(s.get("missing", null));
        assertEquals("", s.get("empty"));
        assertMessage("Option 'missing' in section 's' must be specified", () -> s.get("missing"));
    }

    @Test
    void integersAsPythonIntParses() {
        assertEquals(42, s.getInt("num"));
        assertEquals(1000, s.getInt("big"));
        assertEquals(-7, s.getInt("signed"));
        assertEquals(5, s.getInt("missing", 5));
        assertMessage("Unable to parse option 'half' in section 's'", () -> s.getInt("half"));
        assertMessage("Unable to parse option 'hexnum' in section 's'", () -> s.getInt("hexnum"));
        assertMessage("Option 'missing' in section 's' must be specified", () -> s.getInt("missing"));
    }

    @Test
    void integerBounds() {
        assertEquals(42, s.getInt("num", null, 1, 42));
        assertMessage("Option 'signed' in section 's' must have minimum of 1", () -> s.getInt("signed", 3, 1, null));
        assertMessage("Option 'num' in section 's' must have maximum of 10", () -> s.getInt("num", 3, null, 10));
        // Defaults are not checked against the bounds, as in Klipper.
        assertEquals(0, s.getInt("missing", 0, 1, null));
    }

    @Test
    void floatsAsPythonFloatParses() {
        assertEquals(1.5, s.getFloat("half"));
        assertEquals(1000.0, s.getFloat("exp"));
        assertEquals(42.0, s.getFloat("num"));
        assertEquals(1000.0, s.getFloat("big"));
        assertEquals(Double.POSITIVE_INFINITY, s.getFloat("inf"));
        assertEquals(0.25, s.getFloat("missing", 0.25));
        assertMessage("Unable to parse option 'fsuffix' in section 's'", () -> s.getFloat("fsuffix"));
        assertMessage("Unable to parse option 'hexnum' in section 's'", () -> s.getFloat("hexnum"));
        assertMessage("Unable to parse option 'word' in section 's'", () -> s.getFloat("word"));
    }

    @Test
    void floatBounds() {
        assertEquals(1.5, s.getFloat("half", null, Bounds.above(0).andBelow(2)));
        assertMessage("Option 'half' in section 's' must have minimum of 2.0", () -> s.getFloat("half", null, Bounds.min(2)));
        assertMessage("Option 'half' in section 's' must have maximum of 1.0", () -> s.getFloat("half", null, Bounds.max(1)));
        assertMessage("Option 'half' in section 's' must be above 1.5", () -> s.getFloat("half", null, Bounds.above(1.5)));
        assertMessage("Option 'half' in section 's' must be below 1.0", () -> s.getFloat("half", null, Bounds.below(1)));
    }

    @Test
    void booleansAsConfigparserAcceptsThem() {
        assertTrue(s.getBoolean("yes"));
        assertFalse(s.getBoolean("off"));
        assertTrue(s.getBoolean("one"));
        assertTrue(s.getBoolean("missing", true));
        assertMessage("Unable to parse option 'bad' in section 's'", () -> s.getBoolean("bad"));
        assertMessage("Unable to parse option 'num' in section 's'", () -> s.getBoolean("num"));
    }

    @Test
    void choices() {
        Map<String, Integer> kinematics = Map.of("cartesian", 1, "corexy", 2);
        assertEquals(2, s.getChoice("choice", kinematics, null));
        assertEquals(1, s.getChoice("missing", kinematics, "cartesian"));
        assertMessage("Choice 'hello' for option 'word' in section 's' is not a valid choice",
                () -> s.getChoice("word", kinematics, "cartesian"));
        assertMessage("Choice 'delta' for option 'missing' in section 's' is not a valid choice",
                () -> s.getChoice("missing", kinematics, "delta"));
    }

    @Test
    void lists() {
        assertEquals(List.of("a", "b", "c"), s.getList("list", null, ","));
        assertEquals(List.of(1, 2, 3), s.getIntList("ints", null, ","));
        assertEquals(List.of(0.5, 1.0), s.getFloatList("floats", null, ","));
        assertEquals(List.of(List.of("1", "2"), List.of("3", "4")), s.getLists("rows", null, ","));
        assertEquals(List.of(), s.getIntList("empty", null, ","));
        assertEquals(List.of(9), s.getIntList("missing", List.of(9), ","));
        assertNull(s.getFloatList("missing", null, ","));
        assertMessage("Unable to parse option 'intsbad' in section 's'", () -> s.getIntList("intsbad", null, ","));
        assertMessage("Unable to parse option 'list' in section 's'", () -> s.getFloatList("list", null, ","));
    }

    @Test
    void sectionsAndPrefixes() {
        assertEquals(List.of("s", "s2", "s3"), s.getPrefixSections("s").stream().map(ConfigSection::getName).toList());
        assertTrue(s.hasSection("other"));
        assertEquals("1", s.getSection("s2").get("x"));
        ConfigSection absent = s.getSection("gcode_move");
        assertEquals("gcode_move", absent.getName());
        assertFalse(absent.hasOption("x"));
        assertEquals(3.0, absent.getFloat("x", 3.0));
        assertMessage("Option 'x' in section 'gcode_move' must be specified", () -> absent.get("x"));
    }

    @Test
    void readsAreRecordedAsTypedValues() {
        // every option of [s] must be read before the check passes; the last read is what is recorded
        for (String option : s.getOptionNames()) {
            s.markUsed(option);
        }
        s.getInt("num");
        s.getFloat("half");
        s.getBoolean("yes");
        s.getIntList("ints", null, ",");
        s.get("missing", "dflt");
        s.get("missing2", null);
        s.markUsed("word");
        config.sectionOrEmpty("Gcode_Move").getFloat("speed", 25.0);
        config.section("s2").markUsed("x");
        config.section("s3").getInt("n", 4);
        config.section("other").getBoolean("b", false);
        config.checkUnusedOptions(name -> null);
        Map<String, Object> settings = config.settingsStatus().get("s");
        assertEquals(42, settings.get("num"));
        assertEquals(1.5, settings.get("half"));
        assertEquals(true, settings.get("yes"));
        assertEquals(List.of(1, 2, 3), settings.get("ints"));
        assertEquals("dflt", settings.get("missing"));
        assertEquals("hello", settings.get("word"));
        assertFalse(settings.containsKey("missing2"));
        assertEquals(Map.of("speed", 25.0), config.settingsStatus().get("gcode_move"));
    }
}
