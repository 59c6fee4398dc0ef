/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.internal.host.ModuleEntry;
import org.klipper4j.core.internal.host.ModuleRegistry;

class ConfigRequirementsTest {
    @TempDir
    Path dir;

    private static final PrinterModule NOTHING = config -> null;

    private static ModuleRegistry.Snapshot modules(String... sections) {
        ModuleRegistry reg = new ModuleRegistry();
        long id = 1;
        for (String s : sections) {
            boolean prefix = s.endsWith("*");
            reg.add(new ModuleEntry(prefix ? s.substring(0, s.length() - 1) : s, prefix, NOTHING, "test", id++, 0));
        }
        return reg.snapshot();
    }

    @Test
    void readsSectionsThroughIncludesAndTheKinematics() throws IOException {
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/b.cfg"), "[fan]\npin: PA1\n");
        Files.writeString(dir.resolve("parts/a.cfg"), "[heater_bed]\n");
        Files.writeString(dir.resolve("printer.cfg"), "[mcu]\nserial: /dev/x\n[include parts/*.cfg]\n"
                + "[printer]\nkinematics: corexy\nmax_velocity: 300\n[stepper_x]\nstep_pin: PF0\n");
        ConfigRequirements r = ConfigRequirements.read(dir.resolve("printer.cfg"));
        assertEquals(List.of("mcu", "heater_bed", "fan", "printer", "stepper_x"), r.sections());
        assertEquals("corexy", r.kinematics());
    }

    @Test
    void noPrinterSectionMeansNoKinematics() throws IOException {
        Files.writeString(dir.resolve("printer.cfg"), "[fan]\nkinematics: none\n");
        assertNull(ConfigRequirements.read(dir.resolve("printer.cfg")).kinematics());
    }

    @Test
    void sectionsReadByOthersNeedNoModuleOfTheirOwn() throws IOException {
        Files.writeString(dir.resolve("printer.cfg"), "[mcu]\n[mcu extboard]\n[printer]\n[stepper_x]\n"
                + "[stepper z1]\n[carriage x]\n[dual_carriage u]\n[extruder]\n[extruder1]\n[gcode_macro HOME]\n"
                + "[respond]\n[fan]\n");
        ConfigRequirements r = ConfigRequirements.read(dir.resolve("printer.cfg"));
        assertEquals(List.of("fan"), r.missingModules(modules("mcu*", "printer", "extruder", "gcode_macro*"),
                Set.of("respond")));
        assertEquals(List.of("mcu", "printer", "extruder", "extruder1", "gcode_macro", "fan"),
                r.missingModules(modules(), Set.of("respond")));
    }
}
