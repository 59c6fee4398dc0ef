/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterModule;

class ModuleRegistryTest {
    private final PrinterModule a = cfg -> "a";
    private final PrinterModule b = cfg -> "b";

    @Test
    void plainModuleServesOnlyItsBareSection() {
        ModuleEntry e = new ModuleEntry("virtual_sdcard", false, a, "x 1.0", 1, 0);
        assertTrue(e.serves("virtual_sdcard"));
        assertFalse(e.serves("virtual_sdcard card2"));
        assertFalse(e.serves("virtual_sdcard2"));
    }

    @Test
    void prefixModuleServesNamedSections() {
        ModuleEntry e = new ModuleEntry("fan_generic", true, a, "x 1.0", 1, 0);
        assertTrue(e.serves("fan_generic fan1"));
        assertTrue(e.serves("fan_generic"));
        assertFalse(e.serves("fan"));
    }

    @Test
    void numberedModuleServesItsSectionAndEveryNumberedOne() {
        ModuleEntry e = new ModuleEntry("extruder", false, a, "x 1.0", 1, 0, true);
        assertTrue(e.serves("extruder"));
        assertTrue(e.serves("extruder1"));
        assertTrue(e.serves("extruder10"));
        assertTrue(e.serves("extruder123"));
        // Klipper names them extruder1, extruder2, ...: no zero, no leading zero, no other suffix
        assertFalse(e.serves("extruder0"));
        assertFalse(e.serves("extruder01"));
        assertFalse(e.serves("extruder_stepper"));
        assertFalse(e.serves("extruder1 left"), "not a prefix module");
        assertFalse(new ModuleEntry("extruder", false, a, "x 1.0", 1, 0).serves("extruder1"));
    }

    @Test
    void numberedSectionWithANameIsFoundForItsErrorMessage() {
        ModuleRegistry r = new ModuleRegistry();
        r.add(new ModuleEntry("extruder", false, a, "x 1.0", 1, 0, true));
        assertTrue(r.snapshot().find("extruder2 left").isEmpty());
        assertEquals("extruder", r.snapshot().findByName("extruder2 left").orElseThrow().section());
    }

    @Test
    void higherRankingWinsThenOlderService() {
        ModuleRegistry r = new ModuleRegistry();
        r.add(new ModuleEntry("fan", false, a, "vendor 1.0", 7, 0));
        r.add(new ModuleEntry("fan", false, b, "core 1.0", 3, 0));
        assertSame(b, r.snapshot().find("fan").orElseThrow().module(), "older service id wins at equal ranking");
        r.add(new ModuleEntry("fan", false, a, "vendor 2.0", 9, 10));
        assertSame(a, r.snapshot().find("fan").orElseThrow().module(), "higher ranking wins");
        assertEquals("vendor 2.0", r.snapshot().find("fan").orElseThrow().origin());
    }

    @Test
    void snapshotDoesNotSeeLaterChanges() {
        ModuleRegistry r = new ModuleRegistry();
        r.add(new ModuleEntry("greeter", false, a, "g 1.0", 1, 0));
        ModuleRegistry.Snapshot before = r.snapshot();
        r.remove(1);
        assertTrue(before.find("greeter").isPresent());
        assertTrue(r.snapshot().find("greeter").isEmpty());
    }

    @Test
    void generationCountsChangesSoStaleSnapshotsShow() {
        ModuleRegistry r = new ModuleRegistry();
        ModuleRegistry.Snapshot empty = r.snapshot();
        r.add(new ModuleEntry("greeter", false, a, "g 1.0", 1, 0));
        assertEquals(empty.generation() + 1, r.generation());
        r.remove(42);
        assertEquals(empty.generation() + 1, r.generation(), "removing nothing is no change");
        r.remove(1);
        assertEquals(empty.generation() + 2, r.snapshot().generation());
    }

    @Test
    void listenersHearAddAndRemove() {
        ModuleRegistry r = new ModuleRegistry();
        List<String> heard = new ArrayList<>();
        r.addListener(heard::add);
        r.add(new ModuleEntry("greeter", false, a, "g 1.0", 5, 0));
        r.remove(5);
        r.remove(99);
        assertEquals(List.of("added section 'greeter' from g 1.0", "removed section 'greeter' of g 1.0"), heard);
    }

    @Test
    void findByNameSpotsAFormMismatch() {
        ModuleRegistry r = new ModuleRegistry();
        r.add(new ModuleEntry("print_stats", false, a, "p 1.0", 1, 0));
        ModuleRegistry.Snapshot s = r.snapshot();
        assertTrue(s.find("print_stats extra").isEmpty());
        assertEquals("print_stats", s.findByName("print_stats extra").orElseThrow().section());
    }
}
