/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.internal.config.PrinterConfig;

class BusesImplTest {
    @TempDir
    Path dir;

    private final FakePrinter printer = new FakePrinter();
    private final RecordingMcu mcu = new RecordingMcu("mcu", printer, 16_000_000);
    private final FakePins pins = new FakePins();
    private final BusesImpl buses = new BusesImpl(printer);

    BusesImplTest() {
        printer.addObject("pins", pins);
    }

    /** The section {@code [device]} with the given option lines. */
    private ConfigSection section(String... lines) throws IOException {
        Path file = dir.resolve("printer.cfg");
        Files.writeString(file, "[device]\n" + String.join("\n", lines) + "\n");
        return PrinterConfig.load(printer, file).section("device");
    }

    @Test
    void hardwareSpiConfiguresItsCsPinThenTheBusFromTheDictionary() throws IOException {
        var spi = buses.spiFromConfig(section("cs_pin: PG0"), 3, "cs_pin", 4_000_000);
        assertEquals(List.of("config_spi oid=0 pin=PG0 cs_active_high=0"), mcu.configCmds);
        mcu.buildConfig();
        assertEquals(List.of("config_spi oid=0 pin=PG0 cs_active_high=0",
                "spi_set_bus oid=0 spi_bus=spi mode=3 rate=4000000"), mcu.configCmds);
        assertSame(mcu, spi.getMcu());
        assertEquals(0, spi.getOid());
    }

    @Test
    void spiSpeedAndBusComeFromTheSection() throws IOException {
        mcu.enumerations.put("spi_bus", Map.of("spi1", 0, "spi2", 1));
        buses.spiFromConfig(section("cs_pin: PA4", "spi_speed: 1000000", "spi_bus: spi2"), 0, "cs_pin", 4_000_000);
        mcu.buildConfig();
        assertEquals("spi_set_bus oid=0 spi_bus=spi2 mode=0 rate=1000000", mcu.configCmds.get(1));
    }

    @Test
    void unknownSpiBusIsAConfigError() throws IOException {
        buses.spiFromConfig(section("cs_pin: PA4", "spi_bus: spi9"), 0, "cs_pin", 4_000_000);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("Unknown spi_bus 'spi9'", error.getMessage());
    }

    @Test
    void aBusMustBeNamedWhenTheMcuHasNoBusZero() throws IOException {
        mcu.enumerations.put("spi_bus", Map.of("spi2", 1, "spi3", 2));
        buses.spiFromConfig(section("cs_pin: PA4"), 0, "cs_pin", 4_000_000);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("Must specify spi_bus on mcu 'mcu'", error.getMessage());
    }

    @Test
    void withoutBusEnumerationsTheBusNumberIsUsed() throws IOException {
        mcu.enumerations.clear();
        buses.spiFromConfig(section("cs_pin: PA4"), 1, "cs_pin", 4_000_000);
        mcu.buildConfig();
        assertEquals("spi_set_bus oid=0 spi_bus=0 mode=1 rate=4000000", mcu.configCmds.get(1));
    }

    @Test
    void spiSpeedBelowTheMinimumIsRefused() throws IOException {
        var config = section("cs_pin: PA4", "spi_speed: 5000");
        assertThrows(ConfigException.class, () -> buses.spiFromConfig(config, 0, "cs_pin", 4_000_000));
    }

    @Test
    void softwareSpiWithoutCsUsesPulseTicksOfOneBitPeriod() throws IOException {
        var config = section("cs_pin: None", "spi_speed: 500000", "spi_software_miso_pin: PA4",
                "spi_software_mosi_pin: PA4", "spi_software_sclk_pin: PA5");
        buses.spiFromConfig(config, 0, "cs_pin", 4_000_000);
        mcu.buildConfig();
        assertEquals(List.of("config_spi_without_cs oid=0",
                "spi_set_sw_bus oid=0 miso_pin=PA4 mosi_pin=PA4 sclk_pin=PA5 mode=0 pulse_ticks=32"), mcu.configCmds);
        assertEquals(Arrays.asList(null, "spi_software_miso_pin", "spi_software_mosi_pin", "spi_software_sclk_pin"),
                pins.shareTypes);
    }

    @Test
    void softwareSpiPinsMustBeOnTheCsPinsMcu() throws IOException {
        var config = section("cs_pin: PA0", "spi_software_miso_pin: other:PA4", "spi_software_mosi_pin: PA4",
                "spi_software_sclk_pin: PA5");
        var error = assertThrows(ConfigException.class, () -> buses.spiFromConfig(config, 0, "cs_pin", 4_000_000));
        assertEquals("device: spi pins must be on same mcu", error.getMessage());
    }

    @Test
    void spiSendsBeforeTheConfigGoOutWithTheInitCommands() throws IOException {
        var spi = buses.spiFromConfig(section("cs_pin: PG0"), 3, "cs_pin", 4_000_000);
        spi.spiSend(new byte[] {(byte) 0xec, 0x14, 0x02}, 0, 0);
        assertEquals(List.of("spi_send oid=0 data=ec1402"), mcu.initCmds);

        mcu.buildConfig();
        byte[] data = {1, 2};
        spi.spiSend(data, 100, 200);
        var sent = mcu.sentNamed("spi_send").get(0);
        assertEquals(List.of(0, data), sent.params());
        assertEquals(100, sent.minclock());
        assertEquals(200, sent.reqclock());
        assertSame(spi.getCommandQueue(), sent.queue());
    }

    @Test
    void spiTransferReturnsTheBytesReadBack() throws IOException {
        var spi = buses.spiFromConfig(section("cs_pin: PG0"), 3, "cs_pin", 4_000_000);
        mcu.buildConfig();
        mcu.answer("spi_transfer_response", Map.of("oid", 0, "response", new byte[] {9, 8, 7}));
        byte[] out = {0x6f, 0, 0};
        assertArrayEquals(new byte[] {9, 8, 7}, spi.spiTransfer(out, 0, 0));
        assertEquals(List.of(0, out), mcu.sentNamed("spi_transfer").get(0).params());
    }

    @Test
    void hardwareI2cOnTheDefaultBus() throws IOException {
        var i2c = buses.i2cFromConfig(section("i2c_speed: 400000"), 104, 100_000);
        assertEquals(List.of("config_i2c oid=0"), mcu.configCmds);
        mcu.buildConfig();
        assertEquals("i2c_set_bus oid=0 i2c_bus=twi rate=400000 address=104", mcu.configCmds.get(1));
        assertEquals(104, i2c.getAddress());
    }

    @Test
    void softwareI2cUsesHalfABitPeriodAsPulseTicks() throws IOException {
        var config = section("i2c_address: 98", "i2c_software_scl_pin: PB1", "i2c_software_sda_pin: PB2");
        buses.i2cFromConfig(config, BusesImpl.NO_DEFAULT_ADDRESS, 100_000);
        mcu.buildConfig();
        assertEquals("i2c_set_sw_bus oid=0 scl_pin=PB1 sda_pin=PB2 pulse_ticks=80 address=98", mcu.configCmds.get(1));
    }

    @Test
    void i2cOnAnotherMcu() throws IOException {
        var mcu2 = new RecordingMcu("extra", printer, 16_000_000);
        var i2c = buses.i2cFromConfig(section("i2c_mcu: extra"), 0x27, 100_000);
        assertSame(mcu2, i2c.getMcu());
        assertEquals(List.of("config_i2c oid=0"), mcu2.configCmds);
        assertEquals(List.of(), mcu.configCmds);
    }

    @Test
    void i2cAddressOutOfRangeIsRefused() throws IOException {
        var config = section("i2c_address: 200");
        assertThrows(ConfigException.class, () -> buses.i2cFromConfig(config, 0x27, 100_000));
    }

    @Test
    void i2cAddressIsRequiredWithoutADefault() throws IOException {
        var config = section("i2c_speed: 400000");
        var error = assertThrows(ConfigException.class,
                () -> buses.i2cFromConfig(config, BusesImpl.NO_DEFAULT_ADDRESS, 100_000));
        assertEquals("Option 'i2c_address' in section 'device' must be specified", error.getMessage());
    }

    @Test
    void i2cWritesAreTransfersWithoutRead() throws IOException {
        var i2c = buses.i2cFromConfig(section(), 98, 100_000);
        i2c.i2cWrite(new byte[] {0x02, 0x55}, 0, 0);
        assertEquals(List.of("i2c_transfer oid=0 write=0255 read_len=0"), mcu.initCmds);

        mcu.buildConfig();
        byte[] data = {0x04, (byte) 0xaa};
        i2c.i2cWrite(data, 10, 20);
        var sent = mcu.sentNamed("i2c_transfer").get(0);
        assertEquals(List.of(0, data, 0), sent.params());
        assertEquals(10, sent.minclock());
        assertEquals(20, sent.reqclock());
    }

    @Test
    void i2cReadReturnsTheResponseOrReportsTheBusError() throws IOException {
        var i2c = buses.i2cFromConfig(section(), 98, 100_000);
        mcu.buildConfig();
        mcu.answer("i2c_response", Map.of("i2c_bus_status", "SUCCESS", "response", new byte[] {0x11, 0x22}));
        mcu.answer("i2c_response", Map.of("i2c_bus_status", "NACK", "response", new byte[0]));

        byte[] register = {0x0f};
        assertArrayEquals(new byte[] {0x11, 0x22}, i2c.i2cRead(register, 2));
        assertEquals(List.of(0, register, 2), mcu.sentNamed("i2c_transfer").get(0).params());
        var error = assertThrows(CommandError.class, () -> i2c.i2cRead(register, 2));
        assertEquals("I2C request to addr 98 reports error NACK", error.getMessage());
    }

    @Test
    void olderFirmwareUsesI2cWriteAndI2cRead() throws IOException {
        mcu.commands.remove(McuI2cImpl.TRANSFER_FORMAT);
        mcu.commands.add(McuI2cImpl.OLD_WRITE_FORMAT);
        mcu.commands.add(McuI2cImpl.OLD_READ_FORMAT);
        var i2c = buses.i2cFromConfig(section(), 98, 100_000);
        mcu.buildConfig();
        byte[] data = {0x01};
        i2c.i2cWrite(data, 0, 0);
        assertEquals(List.of(0, data), mcu.sentNamed("i2c_write").get(0).params());
        mcu.answer("i2c_read_response", Map.of("oid", 0, "response", new byte[] {5}));
        assertArrayEquals(new byte[] {5}, i2c.i2cRead(data, 1));
    }
}
