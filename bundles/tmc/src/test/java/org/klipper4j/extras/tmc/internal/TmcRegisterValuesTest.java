/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeSpi;
import org.junit.jupiter.api.Test;

/**
 * For each family, the register values (in write order) for a sample config equal
 * the values worked out by hand from Klipper's formulas. The samples are those of
 * Klipper's test/klippy/tmc.cfg (run_current 0.5, microsteps 16); for the SPI
 * families the same values appear in Klipper's own output for that config.
 *
 * <p>Current bits: {@code cs = int(32 * (Rsense + 0.02) * I * sqrt2 / Vref + .5) - 1},
 * Vref 0.18 with vsense, 0.32 without (TMC2130/2208/2209). TMC5160:
 * {@code GLOBALSCALER = int(I * 256 * sqrt2 * Rsense / 0.325 + .5)}. TMC2240:
 * {@code IFS = 11750 / 12000 / sqrt2} (range 0), {@code GLOBALSCALER = int(I * 256 / IFS + .5)}.
 * TMC2660: Vref 0.165 with vsense, no +0.02.
 */
class TmcRegisterValuesTest {
    private final FakePrinter printer = new FakePrinter(true);
    private final FakeMcu mcu = new FakeMcu(printer, "mcu");

    TmcRegisterValuesTest() {
        printer.addObject("mcu", mcu);
        printer.addObject("pins", new FakePins(mcu));
        printer.addObject("buses", new FakeSpi(mcu));
        printer.addObject("gcode", new FakeGCode());
    }

    private ConfigSection section(String name, String... options) {
        FakeConfig stepper = FakeConfig.of(printer, "stepper_x", "microsteps", "16", "rotation_distance", "40");
        FakeConfig c = FakeConfig.of(printer, name, options);
        return new SectionWithStepper(c, stepper);
    }

    private Map<String, Long> registers(Function<ConfigSection, TmcDriver> family, ConfigSection config) {
        return new LinkedHashMap<>(family.apply(config).fields().registers());
    }

    private static Map<String, Long> expect(Object... nameValue) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void tmc2130() {
        // Rsense .22: cs = int(32*.24*.5*1.41421/.18 + .5) - 1 = int(30.67) - 1 = 29 (0x1d), vsense on.
        // CHOPCONF: intpol 1<<28 | mres 4<<24 | vsense 1<<17 | tbl 1<<15 | hend 7<<7 | toff 4
        Map<String, Long> regs = registers(TmcFamilies::tmc2130,
                section("tmc2130 stepper_x", "cs_pin", "PG0", "run_current", ".5", "sense_resistor", "0.220"));
        assertEquals(expect("CHOPCONF", 0x14028384L, "IHOLD_IRUN", 0x00081d1d,
                "MSLUT0", 0xaaaab554L, "MSLUT1", 0x4a9554aa, "MSLUT2", 0x24492929, "MSLUT3", 0x10104222,
                "MSLUT4", 0xfbffffffL, "MSLUT5", 0xb5bb777dL, "MSLUT6", 0x49295556, "MSLUT7", 0x00404222,
                "MSLUTSEL", 0xffff8056L, "MSLUTSTART", 0x00f70000, "TPWMTHRS", 0xfffff, "GCONF", 0,
                "TCOOLTHRS", 0, "THIGH", 0, "COOLCONF", 0,
                // PWMCONF: autoscale 1<<18 | freq 1<<16 | grad 4<<8 | ampl 128
                "PWMCONF", 0x00050480, "TPOWERDOWN", 0), regs);
    }

    @Test
    void tmc5160() {
        // GLOBALSCALER = int(.5*256*1.41421*.22/.325 + .5) = int(123.03) = 123 (0x7b);
        // IRUN = int(.5*256*32*1.41421*.22/(123*.325) - 1 + .5) = int(31.38) = 31
        Map<String, Long> regs = registers(TmcFamilies::tmc5160,
                section("tmc5160 stepper_x", "cs_pin", "PG2", "run_current", ".5", "sense_resistor", "0.220"));
        assertEquals(0x7bL, regs.get("GLOBALSCALER"));
        assertEquals(0x00061f1fL, regs.get("IHOLD_IRUN"));
        // intpol | mres 4 | tpfd 4<<20 | tbl 2<<15 | hend 2<<7 | hstrt 5<<4 | toff 3
        assertEquals(0x14410153L, regs.get("CHOPCONF"));
        assertEquals(0x08L, regs.get("GCONF")); // multistep_filt
        assertEquals(0x400L, regs.get("DRV_CONF")); // bbmclks 4
        assertEquals(0xc40c001eL, regs.get("PWMCONF")); // lim 12, reg 4, autograd, autoscale, ofs 30
        assertEquals(0x0aL, regs.get("TPOWERDOWN"));
        assertEquals(java.util.List.of("GLOBALSCALER", "IHOLD_IRUN", "CHOPCONF"),
                regs.keySet().stream().limit(3).toList());
    }

    @Test
    void tmc2240() {
        // IFS(range 0) = 11750/12000/1.41421 = .6924A >= .5: current_range 0;
        // GLOBALSCALER = int(.5*256/.6924 + .5) = int(185.37) = 185 (0xb9); IRUN 31
        Map<String, Long> regs = registers(TmcFamilies::tmc2240,
                section("tmc2240 stepper_x", "cs_pin", "PK3", "run_current", ".5"));
        assertEquals(expect("DRV_CONF", 0, "GLOBALSCALER", 0xb9, "IHOLD_IRUN", 0x04061f1f),
                firstThree(regs));
        assertEquals(0x14410153L, regs.get("CHOPCONF"));
        assertEquals(0xc40c001dL, regs.get("PWMCONF")); // pwm_ofs 29
        assertEquals(0x200L, regs.get("SG4_THRS")); // sg4_angle_offset
    }

    @Test
    void tmc2660() {
        // cs = int(32*.22*.5*1.41421/.165 + .5) - 1 = int(30.67) - 1 = 29 (vsense on)
        Map<String, Long> regs = registers(TmcFamilies::tmc2660,
                section("tmc2660 stepper_x", "cs_pin", "PK1", "run_current", ".5", "sense_resistor", "0.220"));
        // DRVCONF: ts2g 3<<8 | vsense 1<<6; DRVCTRL: intpol 1<<9 | mres 4;
        // CHOPCONF: tbl 2<<15 | hend 3<<7 | hstrt 3<<4 | toff 4
        assertEquals(expect("DRVCONF", 0x340, "SGCSCONF", 0x1d, "DRVCTRL", 0x204, "CHOPCONF", 0x101b4,
                "SMARTEN", 0), regs);
    }

    @Test
    void tmc2208() {
        // same current bits as the 2130 (29, vsense); GCONF: multistep_filt 1<<8 | mstep_reg_select 1<<7
        // | pdn_disable 1<<6 | en_spreadcycle 1<<2 (no stealthchop_threshold);
        // CHOPCONF: intpol | mres 4 | vsense | tbl 2<<15 | hstrt 5<<4 | toff 3;
        // PWMCONF: lim 12<<28 | reg 8<<24 | autograd | autoscale | freq 1<<16 | grad 14<<8 | ofs 36
        Map<String, Long> regs = registers(TmcFamilies::tmc2208,
                section("tmc2208 stepper_x", "uart_pin", "PK5", "run_current", ".5", "sense_resistor", "0.220"));
        assertEquals(expect("CHOPCONF", 0x14030053, "IHOLD_IRUN", 0x00081d1d, "GCONF", 0x1c4,
                "TPWMTHRS", 0xfffff, "TPOWERDOWN", 20, "PWMCONF", 0xc80d0e24L), regs);
    }

    @Test
    void tmc2209WithStealthchop() {
        // Rsense .075: cs = int(32*.095*.5*1.41421/.18 + .5) - 1 = int(12.44) - 1 = 11 (0x0b).
        // stealthchop_threshold 100mm/s: step 40/200/16 = .0125mm, /16 (mres 4) per 1/256 step;
        // TPWMTHRS = int(12e6 * .0125/16 / 100 + .5) = int(94.25) = 94, en_spreadcycle off.
        Map<String, Long> regs = registers(TmcFamilies::tmc2209, section("tmc2209 stepper_x", "uart_pin",
                "PA5", "run_current", ".5", "sense_resistor", "0.075", "stealthchop_threshold", "100"));
        assertEquals(0x00080b0bL, regs.get("IHOLD_IRUN"));
        assertEquals(94L, regs.get("TPWMTHRS"));
        assertEquals(0x1c0L, regs.get("GCONF"));
        assertEquals(0L, regs.get("SGTHRS"));
        assertEquals(0L, regs.get("TCOOLTHRS"));
    }

    @Test
    void higherCurrentLeavesVsense() {
        // .7A at .22: with vsense cs would be 41 > 31 and 31 gives only .530A; without vsense
        // cs = int(32*.24*.7*1.41421/.32 + .5) - 1 = 23 gives .707A, closer: vsense off
        VsenseCurrentHelper h = new VsenseCurrentHelper(
                section("tmc2130 stepper_x", "run_current", ".7", "sense_resistor", "0.220"),
                new RecordingTransport(new FieldHelper(TmcRegisterMaps.tmc2130())));
        assertEquals(new VsenseCurrentHelper.Bits(false, 23, 23), h.calcCurrent(.7, 2.0));
    }

    @Test
    void driverFieldOverrideIsRangeChecked() {
        ConfigException e = assertThrows(ConfigException.class, () -> TmcFamilies.tmc2130(section(
                "tmc2130 stepper_x", "cs_pin", "PG0", "run_current", ".5", "driver_TOFF", "16")));
        assertEquals(true, e.getMessage().contains("driver_TOFF"), e.getMessage());
    }

    private static Map<String, Long> firstThree(Map<String, Long> regs) {
        Map<String, Long> m = new LinkedHashMap<>();
        regs.entrySet().stream().limit(3).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }
}
