/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/**
 * Sensor conversions against values worked out independently of this code: points
 * on the published curves (a thermistor's defining points, table rows), and where
 * noted values from a separate Python calculation (Steinhart-Hart solved by Cramer's
 * rule; beta model R = R25 exp(B (1/T - 1/298.15)); divider adc = R / (R + pullup)).
 */
class ConversionTest {
    @TempDir
    Path dir;

    private ConfigSection section(String options) throws Exception {
        return Sections.parse(dir, "[s]\n" + options, "s");
    }

    private Thermistor builtin(String name, String options) throws Exception {
        return BuiltinSensors.THERMISTORS.get(name).converter(section(options));
    }

    @Test
    void betaThermistorMatchesTheBetaModel() throws Exception {
        Thermistor t = builtin("NTC 100K MGB18-104F39050L32", "");
        assertEquals(25., t.calcTemp(100000. / 104700.), 1e-9);
        // Python: R(200 C) = 100000 exp(4100 (1/473.15 - 1/298.15)) = 618.18403 ohm; adc = 0.1162396845
        assertEquals(200., t.calcTemp(0.11623968446336339), 1e-6);
        assertEquals(0.11623968446336339, t.calcAdc(200.), 1e-9);
    }

    @Test
    void threePointThermistorPassesThroughItsPointsAndBetweenThem() throws Exception {
        Thermistor epcos = builtin("EPCOS 100K B57560G104F", "");
        assertEquals(25., epcos.calcTemp(100000. / 104700.), 1e-6);
        assertEquals(150., epcos.calcTemp(1641.9 / 6341.9), 1e-6);
        assertEquals(250., epcos.calcTemp(226.15 / 4926.15), 1e-6);
        // Python: EPCOS c1..c3 = 7.22136e-4, 2.16767e-4, 8.92936e-8; R = 10k gives 85.47903 C
        assertEquals(85.4790257599679, epcos.calcTemp(10000. / 14700.), 1e-6);
        assertEquals(10000. / 14700., epcos.calcAdc(85.4790257599679), 1e-9);
        // Python: ATC Semitec 104GT-2 at R = 1k gives 162.59906 C
        assertEquals(162.5990577257723, builtin("ATC Semitec 104GT-2", "").calcTemp(1000. / 5700.), 1e-6);
    }

    @Test
    void pullupAndInlineResistorsChangeTheDivider() throws Exception {
        // 10k thermistor + 100 ohm inline measures as 10.1k: adc = 10100 / 14800
        Thermistor inline = builtin("EPCOS 100K B57560G104F", "inline_resistor: 100\n");
        assertEquals(85.4790257599679, inline.calcTemp(10100. / 14800.), 1e-6);
        // Python: Generic 3950 at R = 6k gives 104.56202 C; with a 1k pullup adc = 6000 / 7000
        Thermistor pullup = builtin("Generic 3950", "pullup_resistor: 1000\n");
        assertEquals(104.5620241909429, pullup.calcTemp(6000. / 7000.), 1e-6);
        assertTrue(assertThrows(ConfigException.class, () -> builtin("Generic 3950", "pullup_resistor: 0\n"))
                .getMessage().contains("pullup_resistor"));
    }

    @Test
    void everyBuiltinThermistorIsDefined() {
        assertEquals(List.of("ATC Semitec 104GT-2", "ATC Semitec 104NT-4-R025H42G", "EPCOS 100K B57560G104F",
                "Generic 3950", "SliceEngineering 450", "TDK NTCG104LH104JT1", "Honeywell 100K 135-104LAG-J01",
                "NTC 100K beta 3950", "NTC 100K MGB18-104F39050L32"), List.copyOf(BuiltinSensors.THERMISTORS.keySet()));
    }

    @Test
    void customThermistorSectionReadsPointsInAnyOrder() throws Exception {
        ConfigSection s = section("temperature1: 250\nresistance1: 226.15\ntemperature2: 25\nresistance2: 100000\n"
                + "temperature3: 150\nresistance3: 1641.9\n");
        Thermistor t = ThermistorParams.fromConfig(s).converter(s);
        assertEquals(85.4790257599679, t.calcTemp(10000. / 14700.), 1e-6);
    }

    @Test
    void amplifierTablesInterpolateVoltage() throws Exception {
        LinearVoltage ad595 = new LinearVoltage(section(""), AdcTables.AD595);
        assertEquals(100., ad595.calcTemp(1.015 / 5.), 1e-9);
        assertEquals(15., ad595.calcTemp((0.101 + 0.200) / 2 / 5.), 1e-9, "halfway between the 10 and 20 rows");
        assertEquals(1.015 / 5., ad595.calcAdc(100.), 1e-9);
        // PT100 at 100 C: 100 (1 + 3.9083e-3 * 100 - 5.775e-7 * 100^2) = 138.5055 ohm on a 4400 ohm
        // pullup, amplified 10x from 5 V: 50 * 138.5055 / 4538.5055 volts
        LinearVoltage pt100 = new LinearVoltage(section("adc_voltage: 3.3\n"), AdcTables.PT100_INA826);
        assertEquals(100., pt100.calcTemp(50. * 138.5055 / 4538.5055 / 3.3), 1e-9);
        LinearVoltage ad8495 = new LinearVoltage(section("voltage_offset: 0.1\n"), AdcTables.AD8495);
        assertEquals(200., ad8495.calcTemp((0.999 - 0.1) / 5.), 1e-9);
        LinearVoltage ad597 = new LinearVoltage(section(""), AdcTables.AD597);
        assertEquals(110., ad597.calcTemp((1.005 + 1.207) / 2 / 5.), 1e-9, "halfway between the 100 and 120 rows");
        assertEquals(1000., new LinearVoltage(section("adc_voltage: 10\n"), AdcTables.AD8494).calcTemp(0.5606),
                1e-9);
        assertEquals(1000., new LinearVoltage(section("adc_voltage: 10\n"), AdcTables.AD8496).calcTemp(0.5263),
                1e-9);
        assertEquals(1180., new LinearVoltage(section("adc_voltage: 10\n"), AdcTables.AD8497).calcTemp(0.5891),
                1e-9);
    }

    @Test
    void pt1000InterpolatesResistance() throws Exception {
        // Callendar-Van Dusen: R(100 C) = 1385.055, R(40 C) = 1155.408, R(50 C) = 1193.97125 ohm
        LinearResistance pt1000 = new LinearResistance(section(""), AdcTables.PT1000);
        assertEquals(100., pt1000.calcTemp(1385.055 / 6085.055), 1e-9);
        double r45 = (1155.408 + 1193.97125) / 2;
        assertEquals(45., pt1000.calcTemp(r45 / (4700. + r45)), 1e-9, "halfway between the 40 and 50 C rows");
        assertEquals(1385.055 / 6085.055, pt1000.calcAdc(100.), 1e-9);
        LinearResistance pullup = new LinearResistance(section("pullup_resistor: 1000\n"), AdcTables.PT1000);
        assertEquals(50., pullup.calcTemp(1193.97125 / 2193.97125), 1e-9);
    }

    @Test
    void badCustomTablesAreConfigErrors() throws Exception {
        ConfigSection s = section("temperature1: 20\nvoltage1: 1\ntemperature2: 30\nvoltage2: 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CustomAdcTable.fromConfig(s).create(s));
        assertTrue(e.getMessage().startsWith("adc_temperature duplicate value in heater s")
                || e.getMessage().contains("pins"), e.getMessage());
        ConfigException one = assertThrows(ConfigException.class,
                () -> new LinearVoltage(s, new double[][] {{20., 1.}}));
        assertEquals("adc_temperature need at least two samples in heater s", one.getMessage());
        ConfigException dup = assertThrows(ConfigException.class,
                () -> new LinearVoltage(s, new double[][] {{20., 1.}, {30., 1.}}));
        assertEquals("adc_temperature duplicate value in heater s", dup.getMessage());
    }

    @Test
    void thermocoupleChipsDecodeTheirRawWords() throws Exception {
        ConfigSection s = section("");
        SpiConversion max6675 = SpiChip.MAX6675.conversion(s);
        assertEquals(100., max6675.calcTemp(400L << 3), 1e-9, "0.25 C per step, 3 status bits");
        assertEquals(400L << 3, max6675.calcAdc(100.));
        SpiConversion max31855 = SpiChip.MAX31855.conversion(s);
        assertEquals(100., max31855.calcTemp(400L << 18), 1e-9);
        // Klipper reads a set sign bit as -(low 13 bits + 1) steps: 0x2027 is -(39 + 1) = -40 steps
        assertEquals(-10., max31855.calcTemp(0x2027L << 18), 1e-9);
        assertEquals(0L, max31855.calcAdc(-300.), "limits below zero clamp to 0");
        SpiConversion max31856 = SpiChip.MAX31856.conversion(s);
        assertEquals(100., max31856.calcTemp(12800L << 5), 1e-9, "1/128 C per step");
        assertEquals(List.of("Max31856: Thermocouple Open Fault"), max31856.faultMessages(0x01));
    }

    @Test
    void max31856InitBytesFollowTheOptions() throws Exception {
        byte[] init = SpiChip.MAX31856.conversion(section("tc_type: J\ntc_averaging_count: 4\ntc_use_50Hz_filter: True\n"))
                .initBytes();
        // write CR0 (0x80): autoconvert | 50 Hz; CR1: type J (2) | 4 samples (0x20); mask: OV/UV and open
        assertEquals(List.of(0x80, 0x81, 0x22, 0x03), List.of(init[0] & 0xff, init[1] & 0xff, init[2] & 0xff,
                init[3] & 0xff));
    }

    @Test
    void max31865UsesCallendarVanDusen() throws Exception {
        SpiConversion rtd = SpiChip.MAX31865.conversion(section("rtd_num_of_wires: 3\n"));
        // PT100 at 100 C: R = 100 (1 + 3.9083e-3 * 100 - 5.775e-7 * 100^2) = 138.5055 ohm;
        // ADC counts = R / 430 * 32768 = 10554.8, shifted left one bit for the fault flag.
        long raw = 10555L << 1;
        assertEquals(100., rtd.calcTemp(raw), 0.05);
        assertEquals(raw, rtd.calcAdc(100.));
        assertEquals(List.of(0x80, 0xD2), List.of(rtd.initBytes()[0] & 0xff, rtd.initBytes()[1] & 0xff),
                "bias, auto, fault clear, 3-wire");
    }
}
