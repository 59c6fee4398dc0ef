/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;

/** The check after loading: sections and options no module read are errors, in Klipper's words. */
class CheckUnusedOptionsTest {
    @TempDir
    Path dir;

    private static final String SAVE_BLOCK = AutosaveBlock.HEADER + "#*# [extruder]\n#*# pid_kp = 22.2\n";

    @Test
    void unreadSectionIsInvalidWithTheHostsHint() {
        PrinterConfig c = TestFiles.load(dir, "[printer]\nkinematics: none\n[Foo_Bar]\nx: 1\n");
        c.section("printer").get("kinematics");
        ConfigException e = assertThrows(ConfigException.class,
                () -> c.checkUnusedOptions(s -> s.equals("foo_bar") ? " (no installed bundle serves it)" : null));
        assertEquals("Section 'foo_bar' is not a valid config section (no installed bundle serves it)", e.getMessage());
        e = assertThrows(ConfigException.class, () -> c.checkUnusedOptions(s -> null));
        assertEquals("Section 'foo_bar' is not a valid config section", e.getMessage());
    }

    @Test
    void unreadOptionIsInvalid() {
        PrinterConfig c = TestFiles.load(dir, "[printer]\nkinematics: none\nMax_Velocity: 3\n");
        c.section("printer").get("kinematics");
        ConfigException e = assertThrows(ConfigException.class, () -> c.checkUnusedOptions(s -> null));
        assertEquals("Option 'max_velocity' is not valid in section 'printer'", e.getMessage());
        c.section("printer").getFloat("max_velocity");
        c.checkUnusedOptions(s -> null);
    }

    @Test
    void sectionNamedByAPrinterObjectIsValidWithoutReads() {
        List<String> exits = new ArrayList<>();
        PrinterConfig c = PrinterConfig.load(TestFiles.printer(exits, List.of("exclude_object")),
                TestFiles.write(dir, "printer.cfg", "[exclude_object]\n"));
        c.checkUnusedOptions(s -> null);
    }

    @Test
    void saveConfigOptionsAreValidWithoutReads() {
        PrinterConfig c = TestFiles.load(dir, "[printer]\nkinematics: none\n" + SAVE_BLOCK);
        c.section("printer").get("kinematics");
        c.checkUnusedOptions(s -> null);
        assertEquals("22.2", c.section("extruder").get("pid_Kp"));
    }
}
