/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.McuI2c;
import org.klipper4j.core.api.mcu.McuSpi;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeSpi;

/** The config commands and option checks of [adxl345] and [mpu9250], as Klipper's. */
class AccelerometerConfigTest {
    private FakePrinter printer;
    private FakeMcu mcu;
    private FakeGCode gcode;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        mcu = new FakeMcu(printer, "mcu");
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
    }

    @Test
    void adxl345UsesSpiMode3At5MHzAndConfiguresItsSampler() {
        FakeSpi buses = new FakeSpi(mcu);
        printer.addObject("buses", buses);
        FakeConfig config = FakeConfig.of(printer, "adxl345", "cs_pin", "PK7", "axes_map", "-x,-y,z");
        Adxl345 chip = new Adxl345(config);
        assertEquals(3, buses.mode);
        assertEquals(5000000, buses.speed);
        assertEquals("PK7", buses.csPin);
        assertEquals("default", chip.chipName());
        assertEquals(3200, chip.rate());
        assertEquals(List.of("config_adxl345 oid=1 spi_oid=0", "restart: query_adxl345 oid=1 rest_ticks=0"),
                mcu.config);
        assertEquals(List.of(), config.unused());
    }

    @Test
    void adxl345RefusesAnUnknownRate() {
        printer.addObject("buses", new FakeSpi(mcu));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Adxl345(FakeConfig.of(printer, "adxl345 bed", "cs_pin", "PK7", "rate", "3000")));
        assertEquals("Invalid rate parameter: 3000", e.getMessage());
    }

    @Test
    void axesMapSwapsAndNegates() {
        AxesMap map = AxesMap.fromConfig(FakeConfig.of(printer, "adxl345", "axes_map", "-y, x, -z"));
        assertArrayEquals(new double[] {-2., 1., -3.}, map.toPrinterFrame(new double[] {1., 2., 3.}));
        ConfigException e = assertThrows(ConfigException.class,
                () -> AxesMap.fromConfig(FakeConfig.of(printer, "adxl345", "axes_map", "x,q,z")));
        assertEquals("Invalid axes_map parameter", e.getMessage());
    }

    @Test
    void mpu9250ConfiguresItsSamplerAfterTheBus() {
        int[] seen = new int[2];
        McuI2c i2c = (McuI2c) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {McuI2c.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMcu" -> mcu;
                    case "getOid" -> 2;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Buses buses = new Buses() {
            @Override
            public McuSpi spiFromConfig(org.klipper4j.core.api.ConfigSection c, int mode, String cs, int speed) {
                throw new UnsupportedOperationException();
            }

            @Override
            public McuI2c i2cFromConfig(org.klipper4j.core.api.ConfigSection c, int address, int speed) {
                seen[0] = address;
                seen[1] = speed;
                return i2c;
            }
        };
        printer.addObject("buses", buses);
        Mpu9250 chip = new Mpu9250(FakeConfig.of(printer, "mpu9250 my_mpu"));
        assertEquals(104, seen[0]);
        assertEquals(400000, seen[1]);
        assertEquals("my_mpu", chip.chipName());
        assertEquals(List.of(), mcu.configCommands, "the sampler is configured in the config phase");
        mcu.buildConfig();
        assertEquals(List.of("config_mpu9250 oid=" + chip.oid() + " i2c_oid=2",
                "restart: query_mpu9250 oid=" + chip.oid() + " rest_ticks=0"), mcu.config);
    }
}
