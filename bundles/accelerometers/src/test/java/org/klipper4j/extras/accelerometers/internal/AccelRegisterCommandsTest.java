/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.McuI2c;
import org.klipper4j.core.api.mcu.McuSpi;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePrinter;

/**
 * ACCELEROMETER_DEBUG_READ/WRITE on an ADXL345 whose SPI answers from a small
 * register file: a read sends the address with bit 7 set and takes the second
 * byte back; a write sends address and value and is checked by reading back.
 */
class AccelRegisterCommandsTest {
    private final int[] registers = new int[128];
    private final List<byte[]> sent = new ArrayList<>();
    private FakeGCode gcode;
    private boolean chipIgnoresWrites;

    @BeforeEach
    void setUp() {
        FakePrinter printer = new FakePrinter();
        FakeMcu mcu = new FakeMcu(printer, "mcu");
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
        registers[0] = 0xe5;
        McuSpi spi = (McuSpi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {McuSpi.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMcu" -> mcu;
                    case "getOid" -> 0;
                    case "spiSend" -> {
                        byte[] d = (byte[]) a[0];
                        sent.add(d.clone());
                        if (!chipIgnoresWrites) {
                            registers[d[0]] = d[1] & 0xff;
                        }
                        yield null;
                    }
                    case "spiTransfer" -> {
                        byte[] d = (byte[]) a[0];
                        sent.add(d.clone());
                        yield new byte[] {0, (byte) registers[d[0] & 0x7f]};
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        printer.addObject("buses", new Buses() {
            @Override
            public McuSpi spiFromConfig(ConfigSection config, int mode, String cs, int speed) {
                config.get(cs);
                return spi;
            }

            @Override
            public McuI2c i2cFromConfig(ConfigSection config, int address, int speed) {
                throw new UnsupportedOperationException();
            }
        });
        new Adxl345(FakeConfig.of(printer, "adxl345", "cs_pin", "PK7"));
    }

    @Test
    void readRegisterByNameOrWithoutChip() {
        assertNull(gcode.run("ACCELEROMETER_DEBUG_READ REG=0"));
        assertNull(gcode.run("ACCELEROMETER_DEBUG_READ CHIP=adxl345 REG=0x0"));
        assertEquals(List.of("// Accelerometer REG[0x0] = 0xe5", "// Accelerometer REG[0x0] = 0xe5"), gcode.output);
        assertArrayEquals(new byte[] {(byte) 0x80, 0}, sent.get(0));
    }

    @Test
    void writeRegisterAndReadItBack() {
        assertNull(gcode.run("ACCELEROMETER_DEBUG_WRITE REG=0x2C VAL=15"));
        assertArrayEquals(new byte[] {0x2c, 15}, sent.get(0));
        gcode.run("ACCELEROMETER_DEBUG_READ REG=44");
        assertEquals("// Accelerometer REG[0x2c] = 0xf", gcode.output.get(0));
    }

    @Test
    void aWriteTheChipDoesNotKeepIsReported() {
        chipIgnoresWrites = true;
        assertEquals("Failed to set ADXL345 register [0x2d] to 0x8: got 0x0. This is generally indicative of"
                + " connection problems (e.g. faulty wiring) or a faulty adxl345 chip.",
                gcode.run("ACCELEROMETER_DEBUG_WRITE REG=0x2d VAL=8"));
    }

    @Test
    void badRegisterValuesAreRefused() {
        assertEquals("Error on 'ACCELEROMETER_DEBUG_READ REG=127': REG must have maximum of 126",
                gcode.run("ACCELEROMETER_DEBUG_READ REG=127"));
        assertEquals("Error on 'ACCELEROMETER_DEBUG_READ REG=zz': unable to parse zz",
                gcode.run("ACCELEROMETER_DEBUG_READ REG=zz"));
        assertEquals("Error on 'ACCELEROMETER_DEBUG_READ': missing REG", gcode.run("ACCELEROMETER_DEBUG_READ"));
        assertEquals("The value 'other' is not valid for CHIP", gcode.run("ACCELEROMETER_DEBUG_READ CHIP=other REG=1"));
    }
}
