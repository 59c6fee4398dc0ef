/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.testkit.FakePwm;

/** Heaters driving the simulated plant: heating, holding, waiting, M105 and the shutdown on faults. */
class ClosedLoopTest {
    @TempDir
    Path dir;

    static final String THERMISTOR = "[thermistor beta3950]\ntemperature1: 25\nresistance1: 100000\nbeta: 3950\n\n";

    static final String BED_PID = "[heater_bed]\nheater_pin: PB1\nsensor_pin: PA1\nsensor_type: beta3950\n"
            + "control: pid\npid_Kp: 54.027\npid_Ki: 0.770\npid_Kd: 948.182\nmin_temp: 0\nmax_temp: 130\n\n";

    static final String HOTEND_PID = "[heater_generic extruder]\ngcode_id: T0\nheater_pin: PB2\nsensor_pin: PA2\n"
            + "sensor_type: beta3950\ncontrol: pid\npid_Kp: 22.2\npid_Ki: 1.08\npid_Kd: 114\n"
            + "min_temp: 0\nmax_temp: 250\n\n";

    private PrinterFixture printer(String cfg, boolean batch) throws Exception {
        return new PrinterFixture(dir, cfg, batch).start();
    }

    private static double temperature(Heater heater, PrinterFixture p) {
        return heater.getTemp(p.reactor().monotonic())[0];
    }

    @Test
    void m190HeatsTheBedReportsWhileWaitingAndHoldsTheTarget() throws Exception {
        PrinterFixture p = printer(THERMISTOR + BED_PID, false);
        ThermalPlant plant = p.plant("PA1", "PB1", 1.0, 300.);
        double start = p.reactor().monotonic();
        assertNull(p.gcode.run("M190 S60"));
        Heater bed = p.heaters().lookupHeater("heater_bed");
        assertTrue(p.reactor().monotonic() - start > 30., "heating from 25 to 60 takes simulated time");
        assertEquals(60., temperature(bed, p), 1.0, "M190 returns when the bed settled at the target");
        assertTrue(p.gcode.output.stream().anyMatch(l -> l.matches("B:\\d+\\.\\d /60\\.0")),
                "temperatures are reported while waiting: " + p.gcode.output.subList(0, 3));
        double lo = 1000;
        double hi = -1000;
        for (int i = 0; i < 300; i++) {
            p.reactor().runFor(1.);
            lo = Math.min(lo, plant.sensorTemp);
            hi = Math.max(hi, plant.sensorTemp);
        }
        assertTrue(lo > 58.5 && hi < 61.5, "holds 60 within 1.5 degrees: " + lo + ".." + hi);
        assertNull(p.printer.shutdownMessage());
    }

    @Test
    void setHeaterTemperatureAndTemperatureWaitOnAHotend() throws Exception {
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID, false);
        ThermalPlant plant = p.plant("PA2", "PB2", 3.0, 100.);
        assertNull(p.gcode.run("SET_HEATER_TEMPERATURE HEATER=extruder TARGET=200"));
        assertNull(p.gcode.run("TEMPERATURE_WAIT SENSOR=\"heater_generic extruder\" MINIMUM=199"));
        Heater extruder = p.heaters().lookupHeater("extruder");
        assertTrue(temperature(extruder, p) >= 199.);
        p.reactor().runFor(120.);
        assertEquals(200., plant.sensorTemp, 2.0, "settles at the target");
        assertTrue(extruder.canExtrude(), "hot enough to extrude");
        assertFalse(extruder.checkBusy(p.reactor().monotonic()), "settled: M109 would not wait");
    }

    @Test
    void m104AndM109TargetTheExtruderHeaters() throws Exception {
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID, false);
        p.plant("PA2", "PB2", 3.0, 100.);
        assertNull(p.gcode.run("M104 S150"));
        assertEquals(150., p.heaters().lookupHeater("extruder").getTemp(0)[1]);
        assertNull(p.gcode.run("M109 T0 S180"));
        assertEquals(180., temperature(p.heaters().lookupHeater("extruder"), p), 1.0);
        assertEquals("Extruder not configured", p.gcode.run("M104 T1 S200"));
        assertNull(p.gcode.run("M104 T1 S0"), "turning off a missing extruder is not an error");
    }

    @Test
    void m104FollowsTheExtruderObjectsAndTheActiveExtruder() throws Exception {
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID, false);
        Heater shared = p.heaters().lookupHeater("extruder");
        // An extruder1 object that shares the first extruder's heater (shared_heater)
        p.printer.addObject("extruder1", (org.klipper4j.extras.heaters.api.HeatedExtruder) () -> shared);
        assertNull(p.gcode.run("M104 T1 S150"));
        assertEquals(150., shared.getTemp(0)[1]);
        p.heaters().setActiveExtruder("extruder1");
        assertNull(p.gcode.run("M104 S120"));
        assertEquals(120., shared.getTemp(0)[1]);
        p.heaters().setActiveExtruder("extruder2");
        assertEquals("Extruder not configured", p.gcode.run("M104 S0"));
    }

    @Test
    void m105ReportsEverySensorWithAGcodeIdInKlippersFormat() throws Exception {
        PrinterFixture p = printer(THERMISTOR + BED_PID + HOTEND_PID, false);
        p.plant("PA1", "PB1", 1.0, 300.);
        p.plant("PA2", "PB2", 3.0, 100.);
        p.reactor().runFor(10.);
        assertNull(p.gcode.run("M140 S50"));
        p.gcode.output.clear();
        assertNull(p.gcode.run("M105"));
        assertEquals(List.of("ok B:25.0 /50.0 T0:25.0 /0.0"), p.gcode.output);
    }

    @Test
    void waitsReturnAtOnceInBatchMode() throws Exception {
        PrinterFixture p = printer(THERMISTOR + BED_PID + HOTEND_PID, true);
        double start = p.reactor().monotonic();
        assertNull(p.gcode.run("M190 S60"));
        assertNull(p.gcode.run("M109 S200"));
        assertNull(p.gcode.run("TEMPERATURE_WAIT SENSOR=heater_bed MINIMUM=59"));
        assertEquals(start, p.reactor().monotonic(), "no simulated time passed");
        assertEquals(60., p.heaters().lookupHeater("heater_bed").getTemp(start)[1]);
        assertTrue(p.heaters().lookupHeater("extruder").canExtrude(), "batch mode may always extrude");
    }

    @Test
    void watermarkControlSwitchesFullPowerAroundTheTarget() throws Exception {
        String bed = "[heater_bed]\nheater_pin: PB1\nsensor_pin: PA1\nsensor_type: beta3950\ncontrol: watermark\n"
                + "max_power: 0.6\nmin_temp: 0\nmax_temp: 130\n";
        PrinterFixture p = printer(THERMISTOR + bed, false);
        ThermalPlant plant = p.plant("PA1", "PB1", 1.0, 300.);
        plant.sensorLag = 0.5;
        assertNull(p.gcode.run("M190 S60"));
        assertTrue(temperature(p.heaters().lookupHeater("heater_bed"), p) >= 58., "waits until target - max_delta");
        p.reactor().runFor(300.);
        FakePwm pwm = p.pins.pwms.get("PB1");
        assertTrue(pwm.updates.stream().allMatch(u -> u.value() == 0. || u.value() == 0.6), "only off or max_power");
        assertTrue(pwm.updates.size() > 4, "switches repeatedly");
        assertEquals(60., plant.sensorTemp, 4.0);
    }

    @Test
    void heaterPwmIsSetUpWithCycleTimeAndMaxDurationAndRefreshedBeforeItRunsOut() throws Exception {
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID, false);
        FakePwm pwm = p.pins.pwms.get("PB2");
        assertEquals(3.0, pwm.maxDuration, "the MCU turns the heater off after 3 s without an update");
        assertEquals(0.1, pwm.cycleTime);
        p.plant("PA2", "PB2", 3.0, 100.);
        assertNull(p.gcode.run("M109 S200"));
        p.reactor().runFor(60.);
        for (int i = 1; i < pwm.updates.size(); i++) {
            double gap = pwm.updates.get(i).printTime() - pwm.updates.get(i - 1).printTime();
            assertTrue(gap < 3.0, "an update at least every 0.75 * max_duration: gap " + gap);
        }
    }

    @Test
    void bedThatCannotReachItsTargetShutsThePrinterDown() throws Exception {
        PrinterFixture p = printer(THERMISTOR + BED_PID, false);
        ThermalPlant plant = p.plant("PA1", "PB1", 0.05, 300.); // at most 40 C at full power
        assertNull(p.gcode.run("M190 S60"), "the wait ends with the shutdown");
        assertEquals("Heater heater_bed not heating at expected rate\n"
                + "See the 'verify_heater' section in docs/Config_Reference.md\n"
                + "for the parameters that control this check.\n", p.printer.shutdownMessage());
        assertTrue(plant.blockTemp < 45.);
        p.reactor().runFor(2.);
        FakePwm pwm = p.pins.pwms.get("PB1");
        assertEquals(0., pwm.updates.get(pwm.updates.size() - 1).value(), "heater off after the shutdown");
    }

    @Test
    void heaterFailingAfterReachingItsTargetShutsThePrinterDown() throws Exception {
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID, false);
        ThermalPlant plant = p.plant("PA2", "PB2", 3.0, 100.);
        assertNull(p.gcode.run("M109 S200"));
        p.reactor().runFor(30.);
        assertNull(p.printer.shutdownMessage());
        plant.heaterFailed = true;
        p.reactor().runFor(120.);
        assertEquals("Heater extruder not heating at expected rate\n"
                + "See the 'verify_heater' section in docs/Config_Reference.md\n"
                + "for the parameters that control this check.\n", p.printer.shutdownMessage());
    }

    @Test
    void verifyHeaterSectionChangesTheLimits() throws Exception {
        String strict = "[verify_heater extruder]\nmax_error: 20\nhysteresis: 2\n\n";
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID + strict, false);
        ThermalPlant plant = p.plant("PA2", "PB2", 3.0, 100.);
        assertNull(p.gcode.run("M109 S200"));
        p.reactor().runFor(30.);
        plant.heaterFailed = true;
        double failedAt = p.reactor().monotonic();
        while (p.printer.shutdownMessage() == null && p.reactor().monotonic() - failedAt < 120.) {
            p.reactor().runFor(1.);
        }
        double strictDelay = p.reactor().monotonic() - failedAt;

        PrinterFixture q = printer(THERMISTOR + HOTEND_PID, false);
        ThermalPlant plant2 = q.plant("PA2", "PB2", 3.0, 100.);
        assertNull(q.gcode.run("M109 S200"));
        q.reactor().runFor(30.);
        plant2.heaterFailed = true;
        failedAt = q.reactor().monotonic();
        while (q.printer.shutdownMessage() == null && q.reactor().monotonic() - failedAt < 120.) {
            q.reactor().runFor(1.);
        }
        double defaultDelay = q.reactor().monotonic() - failedAt;
        assertTrue(strictDelay < defaultDelay, "smaller max_error trips sooner: " + strictDelay + " vs "
                + defaultDelay);
    }

    @Test
    void minAndMaxTempBecomeTheAdcRangeSoAnOpenOrShortedThermistorTripsTheMcu() throws Exception {
        PrinterFixture p = printer(THERMISTOR + HOTEND_PID, false);
        var adc = p.pins.adcs.get("PA2");
        // The thermistor's ADC value falls as it warms: max_temp gives the minimum, min_temp the maximum.
        assertEquals(ThermalPlant.adcFor(250.), adc.minval, 1e-6);
        assertEquals(ThermalPlant.adcFor(0.), adc.maxval, 1e-6);
        assertEquals(4, adc.rangeCheckCount);
        assertEquals(8, adc.sampleCount);
        assertEquals(0.001, adc.sampleTime);
        assertTrue(adc.outOfRange(0.99999), "open thermistor reads full scale");
        assertTrue(adc.outOfRange(0.0), "shorted thermistor reads zero");
        assertFalse(adc.outOfRange(ThermalPlant.adcFor(25.)));
    }

    @Test
    void openOrShortedThermistorTripsTheMcuRangeCheckWhileNormalHeatingDoesNot() throws Exception {
        for (boolean open : new boolean[] {true, false}) {
            // verify_heater made lenient, so the check under test is the MCU's own range check
            PrinterFixture p = printer(THERMISTOR + HOTEND_PID + "[verify_heater extruder]\nmax_error: 100000\n",
                    false);
            ThermalPlant plant = p.plant("PA2", "PB2", 3.0, 100.);
            plant.mcuShutdown = reason -> p.printer.invokeShutdown("MCU 'mcu' shutdown: " + reason);
            assertNull(p.gcode.run("M109 S200"));
            p.reactor().runFor(30.);
            assertNull(p.printer.shutdownMessage(), "heating to 200 stays within min_temp..max_temp");
            if (open) {
                plant.sensorOpen = true;
            } else {
                plant.sensorShorted = true;
            }
            p.reactor().runFor(1.5);
            assertEquals("MCU 'mcu' shutdown: ADC out of range", p.printer.shutdownMessage());
            dir = java.nio.file.Files.createTempDirectory(dir, "next");
        }
    }

    @Test
    void statusObjects() throws Exception {
        String sensor = "[temperature_sensor chamber]\nsensor_pin: PA3\nsensor_type: beta3950\n\n";
        PrinterFixture p = printer(THERMISTOR + BED_PID + HOTEND_PID + sensor, false);
        p.plant("PA1", "PB1", 1.0, 300.);
        p.plant("PA2", "PB2", 3.0, 100.);
        var chamberAdc = p.pins.adcs.get("PA3");
        chamberAdc.report(20., ThermalPlant.adcFor(31.5));
        chamberAdc.report(20.3, ThermalPlant.adcFor(30.25));
        p.reactor().runFor(5.);
        Map<String, Object> heaters = ((PrinterHeaters) p.heaters()).getStatus(0);
        assertEquals(List.of("heater_bed", "heater_generic extruder"), heaters.get("available_heaters"));
        assertEquals(List.of("heater_bed", "heater_generic extruder", "temperature_sensor chamber"),
                heaters.get("available_sensors"));
        assertEquals(List.of(), heaters.get("available_monitors"));
        Map<String, Object> bed = p.heaters().lookupHeater("heater_bed").getStatus(0);
        assertEquals(List.of("temperature", "target", "power"), List.copyOf(bed.keySet()));
        assertEquals(25.0, (double) bed.get("temperature"), 0.01);
        var chamber = (GenericTemperatureSensor) p.printer.lookupObject("temperature_sensor chamber");
        Map<String, Object> st = chamber.getStatus(0);
        assertEquals(30.25, (double) st.get("temperature"), 0.005);
        assertEquals(30.25, (double) st.get("measured_min_temp"), 0.005);
        assertEquals(31.5, (double) st.get("measured_max_temp"), 0.005);
    }
}
