/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeSpi;

class ResonanceTesterTest {
    private FakePrinter printer;
    private Adxl345 adxl;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        printer.addObject("gcode", new FakeGCode());
        printer.addObject("buses", new FakeSpi(new FakeMcu(printer, "mcu")));
        adxl = new Adxl345(FakeConfig.of(printer, "adxl345", "cs_pin", "PK7"));
        printer.addObject("adxl345", adxl);
    }

    @Test
    void perAxisChipsAsInKlippersTestConfig() {
        printer.addObject("mpu9250 my_mpu", new Object() {
        });
        FakeConfig config = FakeConfig.of(printer, "resonance_tester", "probe_points", "20,20,20", "accel_chip_x",
                "adxl345", "accel_chip_y", "mpu9250 my_mpu", "accel_chip_z", "adxl345");
        ResonanceTester tester = new ResonanceTester(config);
        assertEquals(List.of(), config.unused());
        assertArrayEquals(new double[] {20, 20, 20}, tester.probePoints().get(0));
        assertEquals(Map.of("x", "adxl345", "y", "mpu9250 my_mpu", "z", "adxl345"), tester.accelChipNames());
        assertEquals(60., tester.parameters().accelPerHz);
        assertEquals(135., tester.parameters().maxFreq);
        // the y chip here is no accelerometer
        ConfigException e = assertThrows(ConfigException.class, () -> printer.sendEvent(PrinterEvents.CONNECT));
        assertEquals("'mpu9250 my_mpu' is not an accelerometer", e.getMessage());
    }

    @Test
    void oneChipForBothAxes() {
        ResonanceTester tester = new ResonanceTester(FakeConfig.of(printer, "resonance_tester", "probe_points",
                "100, 100, 20\n50, 50, 20", "accel_chip", "adxl345"));
        printer.sendEvent(PrinterEvents.CONNECT);
        assertEquals(2, tester.probePoints().size());
        assertSame(adxl, tester.accelChips().get("xy"));
    }

    @Test
    void probePointsNeedThreeCoordinates() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ResonanceTester(
                FakeConfig.of(printer, "resonance_tester", "probe_points", "20,20", "accel_chip", "adxl345")));
        assertEquals("Option 'probe_points' in section 'resonance_tester' must have 3 elements per point",
                e.getMessage());
    }
}
