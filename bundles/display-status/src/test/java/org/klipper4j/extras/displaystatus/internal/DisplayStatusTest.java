/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.displaystatus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class DisplayStatusTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private String idleState = "Printing";
    private DisplayStatus status;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        gcode.registerCommand("M117", cmd -> { }, null); // the core's plain M117, replaced
        printer.addObject("idle_timeout", (StatusProvider) t -> Map.of("state", idleState));
        printer.addObject("virtual_sdcard", (StatusProvider) t -> Map.of("progress", 0.25));
        status = new DisplayStatus(FakeConfig.of(printer, "display_status"));
    }

    @Test
    void m117SetsAndClearsTheMessage() {
        assertNull(gcode.run("M117 Hello  world"));
        assertEquals("Hello  world", status.getStatus(0).get("message"));
        assertNull(gcode.run("M117"));
        assertNull(status.getStatus(0).get("message"));
        assertNull(gcode.run("SET_DISPLAY_TEXT MSG=\"two words\""));
        assertEquals("two words", status.getStatus(0).get("message"));
        assertNull(gcode.run("SET_DISPLAY_TEXT"));
        assertNull(status.getStatus(0).get("message"));
    }

    @Test
    void m73ProgressIsClampedAndExpiresWhenNotPrinting() {
        assertEquals(0.25, status.getStatus(0).get("progress"), "the SD card's progress without M73");
        assertNull(gcode.run("M73 P150"));
        assertEquals(1.0, status.getStatus(1).get("progress"));
        assertNull(gcode.run("M73 P40"));
        double t = printer.reactor().monotonic();
        assertEquals(0.4, (Double) status.getStatus(t + 100).get("progress"), 1e-9, "kept while printing");
        idleState = "Ready";
        assertEquals(0.4, (Double) status.getStatus(t + 4).get("progress"), 1e-9, "fresh for 5 s");
        assertEquals(0.25, status.getStatus(t + 6).get("progress"), "stale and not printing: back to the SD card");
    }
}
