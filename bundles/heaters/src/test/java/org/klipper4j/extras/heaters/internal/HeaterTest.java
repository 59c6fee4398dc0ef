/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeAdc;
import org.klipper4j.testkit.FakePwm;

/** One heater's control output step by step, its commands and its config errors. */
class HeaterTest {
    @TempDir
    Path dir;

    private static final String HEATER = "[heater_generic h]\nheater_pin: PB2\nsensor_pin: PA2\n"
            + "sensor_type: beta3950\nmin_temp: 0\nmax_temp: 250\n";

    private PrinterFixture printer(String cfg) throws Exception {
        return new PrinterFixture(dir, ClosedLoopTest.THERMISTOR + cfg, false).start();
    }

    private ConfigException configError(String cfg) {
        return assertThrows(ConfigException.class, () -> printer(cfg));
    }

    /** Feeds a temperature as the ADC would report it; the sensor adds 8 samples of 1 ms to the time. */
    private static void measure(FakeAdc adc, double time, double temp) {
        adc.report(time - 0.008, ThermalPlant.adcFor(temp));
    }

    @Test
    void pidOutputFollowsKlippersFormulaStepByStep() throws Exception {
        // Gains / 255: Kp 0.1, Ki 0.01, Kd 0.2 per degree; smooth_time 1 s
        PrinterFixture p = printer(HEATER + "control: pid\npid_Kp: 25.5\npid_Ki: 2.55\npid_Kd: 51\n");
        FakeAdc adc = p.pins.adcs.get("PA2");
        FakePwm pwm = p.pins.pwms.get("PB2");
        measure(adc, 10.0, 25.0); // target 0: output 0, nothing sent
        assertEquals(List.of(), pwm.updates);
        p.gcode.run("SET_HEATER_TEMPERATURE HEATER=h TARGET=30");
        // dt 0.3 < smooth_time: deriv = (0 * 0.7 + 0.6) / 1 = 0.6; err 4.4; integ 4.4 * 0.3 = 1.32
        // co = 0.1 * 4.4 + 0.01 * 1.32 - 0.2 * 0.6 = 0.3332, scheduled one report (0.3 s) later
        measure(adc, 10.3, 25.6);
        assertEquals(1, pwm.updates.size());
        assertEquals(10.6, pwm.updates.get(0).printTime(), 1e-9);
        assertEquals(0.3332, pwm.updates.get(0).value(), 1e-6);
        // deriv = (0.6 * 0.7 + 0.4) / 1 = 0.82; err 4.0; integ 1.32 + 1.2 = 2.52
        // co = 0.4 + 0.0252 - 0.164 = 0.2612 (a change of 0.072 >= 0.05, so it is sent)
        measure(adc, 10.6, 26.0);
        assertEquals(0.2612, pwm.updates.get(1).value(), 1e-6);
        // deriv = (0.82 * 0.7 + 0.1) / 1 = 0.674; err 3.9; integ 2.52 + 1.17 = 3.69
        // co = 0.39 + 0.0369 - 0.1348 = 0.2921: a change under 0.05 is suppressed
        measure(adc, 10.9, 26.1);
        assertEquals(2, pwm.updates.size());
    }

    @Test
    void pidIntegralIsLimitedToMaxPower() throws Exception {
        // Ki 0.01 per degree second: the integral term alone is capped at max_power (integ <= 0.5 / 0.01)
        PrinterFixture p = printer(HEATER + "control: pid\npid_Kp: 0\npid_Ki: 2.55\npid_Kd: 0\nmax_power: 0.5\n");
        FakeAdc adc = p.pins.adcs.get("PA2");
        FakePwm pwm = p.pins.pwms.get("PB2");
        p.gcode.run("SET_HEATER_TEMPERATURE HEATER=h TARGET=200");
        for (int i = 0; i < 100; i++) {
            measure(adc, 10.0 + 0.3 * i, 25.0);
        }
        assertEquals(0.5, pwm.updates.get(pwm.updates.size() - 1).value(), 1e-9);
        // After a long time below target the integral is full; one reading 30 above target takes
        // 30 * 0.3 s = 9 off it: co = 0.01 * (50 - 9) = 0.41 (no wind-up beyond the cap)
        measure(adc, 40.0, 230.0);
        assertEquals(0.41, pwm.updates.get(pwm.updates.size() - 1).value(), 1e-6);
    }

    @Test
    void setHeaterTemperatureChecksTheRange() throws Exception {
        PrinterFixture p = printer(HEATER + "control: watermark\n");
        assertEquals("Requested temperature (300.0) out of range (0.0:250.0)",
                p.gcode.run("SET_HEATER_TEMPERATURE HEATER=h TARGET=300"));
        assertNull(p.gcode.run("SET_HEATER_TEMPERATURE HEATER=h TARGET=100"));
        assertEquals(100., p.heaters().lookupHeater("h").getTemp(0)[1]);
        assertNull(p.gcode.run("TURN_OFF_HEATERS"));
        assertEquals(0., p.heaters().lookupHeater("h").getTemp(0)[1]);
    }

    @Test
    void temperatureWaitChecksItsArguments() throws Exception {
        PrinterFixture p = printer(HEATER + "control: watermark\n");
        assertEquals("Unknown sensor 'nosuch'", p.gcode.run("TEMPERATURE_WAIT SENSOR=nosuch MINIMUM=10"));
        assertEquals("Error on 'TEMPERATURE_WAIT': missing MINIMUM or MAXIMUM.",
                p.gcode.run("TEMPERATURE_WAIT SENSOR=\"heater_generic h\""));
    }

    @Test
    void canExtrudeNeedsMinExtrudeTemp() throws Exception {
        PrinterFixture p = printer(HEATER + "control: watermark\nmin_extrude_temp: 100\n");
        FakeAdc adc = p.pins.adcs.get("PA2");
        assertFalse(p.heaters().lookupHeater("h").canExtrude());
        for (int i = 0; i < 20; i++) {
            measure(adc, 10.0 + 0.3 * i, 120.);
        }
        assertTrue(p.heaters().lookupHeater("h").canExtrude());
        assertEquals(100., p.heaters().lookupHeater("h").getMinExtrudeTemp());
    }

    @Test
    void staleTemperatureReadsAsZero() throws Exception {
        PrinterFixture p = printer(HEATER + "control: watermark\n");
        FakeAdc adc = p.pins.adcs.get("PA2");
        double printNow = p.reactor().monotonic() - PrinterFixture.PRINT_TIME_OFFSET;
        for (int i = 0; i < 20; i++) {
            measure(adc, printNow + 0.3 * i, 80.);
        }
        assertTrue(p.heaters().lookupHeater("h").getTemp(p.reactor().monotonic())[0] > 70.);
        p.reactor().runFor(20.);
        assertEquals(0., p.heaters().lookupHeater("h").getTemp(p.reactor().monotonic())[0],
                "no report for over 7 s");
    }

    @Test
    void configErrors() {
        assertEquals("Option 'max_temp' in section 'heater_generic h' must be above 250.0",
                configError(HEATER.replace("min_temp: 0", "min_temp: 250") + "control: watermark\n").getMessage());
        assertEquals("Unknown temperature sensor 'nosuch'",
                configError(HEATER.replace("beta3950", "nosuch") + "control: watermark\n").getMessage());
        assertTrue(configError(HEATER).getMessage().contains("'control'"), "control is required");
        assertTrue(configError(HEATER + "control: bangbang\n").getMessage().contains("bangbang"));
        assertTrue(configError(HEATER + "control: pid\npid_Kp: 1\npid_Ki: 1\n").getMessage().contains("pid_Kd"));
        assertEquals("Option 'pwm_cycle_time' in section 'heater_generic h' must have maximum of 0.3",
                configError(HEATER + "control: watermark\npwm_cycle_time: 0.5\n").getMessage());
        assertEquals("Option 'min_extrude_temp' in section 'heater_generic h' must have maximum of 250.0",
                configError(HEATER + "control: watermark\nmin_extrude_temp: 300\n").getMessage());
        assertEquals("Option 'max_power' in section 'heater_generic h' must have maximum of 1.0",
                configError(HEATER + "control: watermark\nmax_power: 1.5\n").getMessage());
        String two = HEATER + "control: watermark\ngcode_id: X\n\n" + HEATER.replace("[heater_generic h]",
                "[heater_generic g]").replace("PB2", "PB3").replace("PA2", "PA3") + "control: watermark\ngcode_id: X\n";
        assertEquals("G-Code sensor id X already registered", configError(two).getMessage());
    }

    @Test
    void pidCalibrateFindsGainsThatHoldTheTarget() throws Exception {
        PrinterFixture p = new PrinterFixture(dir, ClosedLoopTest.THERMISTOR + ClosedLoopTest.HOTEND_PID, false)
                .start();
        p.plant("PA2", "PB2", 3.0, 100.);
        assertNull(p.gcode.run("PID_CALIBRATE HEATER=extruder TARGET=200"));
        String report = p.gcode.output.get(p.gcode.output.size() - 3);
        assertTrue(report.startsWith("// PID parameters: pid_Kp="), report);
        assertEquals("// The SAVE_CONFIG command will update the printer config file",
                p.gcode.output.get(p.gcode.output.size() - 2));
        String kp = p.configfile.staged.get("heater_generic extruder/pid_Kp");
        String ki = p.configfile.staged.get("heater_generic extruder/pid_Ki");
        String kd = p.configfile.staged.get("heater_generic extruder/pid_Kd");
        assertEquals("pid", p.configfile.staged.get("heater_generic extruder/control"));
        assertEquals("// PID parameters: pid_Kp=" + kp + " pid_Ki=" + ki + " pid_Kd=" + kd, report);
        assertEquals(0., p.heaters().lookupHeater("extruder").getTemp(0)[1], "heater off after the test");

        // The gains found heat the same plant to 200 and hold it without much overshoot.
        String tuned = ClosedLoopTest.HOTEND_PID.replace("pid_Kp: 22.2", "pid_Kp: " + kp)
                .replace("pid_Ki: 1.08", "pid_Ki: " + ki).replace("pid_Kd: 114", "pid_Kd: " + kd);
        java.nio.file.Path sub = java.nio.file.Files.createDirectory(dir.resolve("tuned"));
        PrinterFixture q = new PrinterFixture(sub, ClosedLoopTest.THERMISTOR + tuned, false).start();
        ThermalPlant plant = q.plant("PA2", "PB2", 3.0, 100.);
        assertNull(q.gcode.run("M109 S200"));
        double hi = 0;
        double lo = 1000;
        for (int i = 0; i < 200; i++) {
            q.reactor().runFor(1.);
            hi = Math.max(hi, plant.sensorTemp);
            lo = Math.min(lo, plant.sensorTemp);
        }
        assertTrue(hi < 205. && lo > 195., "holds 200: " + lo + ".." + hi);
        assertNull(q.printer.shutdownMessage());
    }

    @Test
    void pidCalibrateOfAnUnknownHeaterIsAnError() throws Exception {
        PrinterFixture p = printer(HEATER + "control: watermark\n");
        assertEquals("Unknown heater 'nosuch'", p.gcode.run("PID_CALIBRATE HEATER=nosuch TARGET=200"));
    }
}
