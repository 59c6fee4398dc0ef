/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.TestPrinter;

class PinMcusTest {
    private final TestPrinter bench = new TestPrinter(false);

    @Test
    void chipNamesMapToMcuObjects() {
        FakeMcu extra = new FakeMcu(bench.printer, "extra");
        bench.printer.addObject("mcu extra", extra);
        assertSame(bench.mcu, PinMcus.mcuOf(bench.printer, new PinParams("mcu", "PA1", false, 0)));
        assertSame(extra, PinMcus.mcuOf(bench.printer, new PinParams("extra", "PA1", false, 0)));
    }

    @Test
    void aVirtualChipIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PinMcus.mcuOf(bench.printer, new PinParams("probe", "z_virtual_endstop", false, 0)));
        assertEquals("Pin 'probe:z_virtual_endstop' must be on an MCU", e.getMessage());
    }
}
