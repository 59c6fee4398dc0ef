/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;

class FilamentSensorTest {

    private static SwitchSensor switchSensor(SensorFixture f, String... options) {
        String[] all = new String[options.length + 2];
        all[0] = "switch_pin";
        all[1] = "PD4";
        System.arraycopy(options, 0, all, 2, options.length);
        return new SwitchSensor(f.section("filament_switch_sensor runout", all));
    }

    @Test
    void switchStateIsReportedByStatusAndQuery() {
        SensorFixture f = new SensorFixture(false);
        SwitchSensor sensor = switchSensor(f);
        f.start();
        assertEquals(Map.of("filament_detected", false, "enabled", true), sensor.getStatus(0.));
        f.gcode.run("QUERY_FILAMENT_SENSOR SENSOR=runout");
        f.report(0, 0, 1);
        f.gcode.run("QUERY_FILAMENT_SENSOR SENSOR=runout");
        assertEquals(List.of("// Filament Sensor runout: filament not detected",
                "// Filament Sensor runout: filament detected"), f.gcode.output);
        assertEquals(true, sensor.getStatus(0.).get("filament_detected"));
        f.gcode.run("SET_FILAMENT_SENSOR SENSOR=runout ENABLE=0");
        assertEquals(false, sensor.getStatus(0.).get("enabled"));
    }

    @Test
    void runoutWhilePrintingPausesThenRunsTheRunoutScript() {
        SensorFixture f = new SensorFixture(true);
        switchSensor(f, "runout_gcode", "M117 out");
        f.start();
        f.report(0, 0, 1);
        f.printer.reactor().advance(3.);
        f.idleState = "Printing";
        f.report(0, 1, 0);
        assertEquals(List.of("PAUSE", "M117 out", "M400"), f.executedLines());
    }

    @Test
    void noActionInTheFirstTwoSecondsAfterReadyNorWhenNotPrinting() {
        SensorFixture f = new SensorFixture(true);
        switchSensor(f, "runout_gcode", "M117 out");
        f.start();
        f.idleState = "Printing";
        f.report(0, 0, 1);
        f.report(0, 1, 0);
        assertTrue(f.executedLines().isEmpty());
        f.printer.reactor().advance(3.);
        f.idleState = "Ready";
        f.report(0, 2, 1);
        f.report(0, 3, 0);
        assertTrue(f.executedLines().isEmpty());
    }

    @Test
    void insertWhileNotPrintingRunsInsertScriptOnceWithinEventDelay() {
        SensorFixture f = new SensorFixture(true);
        switchSensor(f, "pause_on_runout", "False", "insert_gcode", "M117 in", "event_delay", "5");
        f.start();
        f.printer.reactor().advance(3.);
        f.report(0, 0, 1);
        assertEquals(List.of("M117 in", "M400"), f.executedLines());
        // out and in again within event_delay: ignored
        f.printer.reactor().advance(1.);
        f.report(0, 1, 0);
        f.printer.reactor().advance(.1);
        f.report(0, 2, 1);
        assertEquals(2, f.executedLines().size());
        f.printer.reactor().advance(5.);
        f.report(0, 3, 0);
        f.printer.reactor().advance(.1);
        f.report(0, 4, 1);
        assertEquals(List.of("M117 in", "M400", "M117 in", "M400"), f.executedLines());
    }

    @Test
    void disabledSensorTakesNoAction() {
        SensorFixture f = new SensorFixture(true);
        SwitchSensor sensor = switchSensor(f, "runout_gcode", "M117 out");
        f.start();
        f.printer.reactor().advance(3.);
        f.report(0, 0, 1);
        f.gcode.run("SET_FILAMENT_SENSOR SENSOR=runout ENABLE=0");
        f.idleState = "Printing";
        f.report(0, 1, 0);
        assertEquals(List.of("SET_FILAMENT_SENSOR SENSOR=runout ENABLE=0"), f.executedLines());
        // the reading is still tracked while disabled
        assertFalse((Boolean) sensor.getStatus(0.).get("filament_detected"));
    }

    @Test
    void aChangeCountsOnlyAfterItLastedTheDebounceDelay() {
        SensorFixture f = new SensorFixture(false);
        SwitchSensor sensor = switchSensor(f, "debounce_delay", "0.5");
        f.start();
        f.report(0, 0, 1);
        assertEquals(false, sensor.getStatus(0.).get("filament_detected"));
        // a bounce back within the delay: nothing changes
        f.printer.reactor().advance(0.2);
        f.report(0, 1, 0);
        f.printer.reactor().runFor(1.);
        assertEquals(false, sensor.getStatus(0.).get("filament_detected"));
        f.report(0, 2, 1);
        f.printer.reactor().runFor(0.4);
        assertEquals(false, sensor.getStatus(0.).get("filament_detected"));
        f.printer.reactor().runFor(0.2);
        assertEquals(true, sensor.getStatus(0.).get("filament_detected"));
    }

    @Test
    void runoutGcodeWithoutTheMacroBundleIsAConfigError() {
        SensorFixture f = new SensorFixture(false);
        ConfigException e = assertThrows(ConfigException.class, () -> switchSensor(f, "runout_gcode", "M117 x"));
        assertTrue(e.getMessage().contains("gcode-macro"), e.getMessage());
    }

    @Test
    void pauseOnRunoutWithoutScriptNeedsNoTemplateEngine() {
        SensorFixture f = new SensorFixture(false);
        switchSensor(f);
        f.start();
        f.printer.reactor().advance(3.);
        f.report(0, 0, 1);
        f.idleState = "Printing";
        f.report(0, 1, 0);
        assertEquals(List.of("PAUSE", "M400"), f.executedLines());
    }

    @Test
    void motionSensorReportsRunoutWhenTheExtruderPassesTheDetectionLengthWithoutPulses() {
        SensorFixture f = new SensorFixture(false);
        org.klipper4j.testkit.FakeMotionQueuing motion = new org.klipper4j.testkit.FakeMotionQueuing();
        org.klipper4j.testkit.FakeStepper extruder = new org.klipper4j.testkit.FakeStepper("extruder");
        motion.steppers.add(extruder);
        f.printer.addObject("motion_queuing", motion);
        f.printer.addObject("extruder", new Object());
        MotionSensor sensor = new MotionSensor(f.section("filament_motion_sensor enc", "switch_pin", "PD5",
                "detection_length", "4", "extruder", "extruder"));
        f.idleState = "Printing";
        f.start();
        f.printer.sendEvent("idle_timeout:printing", 0.);
        f.printer.reactor().advance(3.);
        f.report(0, 0, 1);
        assertEquals(4., sensor.getFilamentRunoutPos(), 1e-9);
        extruder.position = 3.;
        f.printer.reactor().runFor(.3);
        assertEquals(true, sensor.getStatus(0.).get("filament_detected"));
        // a pulse at 3.5 mm moves the runout point to 7.5 mm
        extruder.position = 3.5;
        f.report(0, 1, 0);
        assertEquals(7.5, sensor.getFilamentRunoutPos(), 1e-6);
        extruder.position = 7.;
        f.printer.reactor().runFor(.3);
        assertEquals(true, sensor.getStatus(0.).get("filament_detected"));
        extruder.position = 8.;
        f.printer.reactor().runFor(.3);
        assertEquals(false, sensor.getStatus(0.).get("filament_detected"));
        assertEquals(List.of("PAUSE", "M400"), f.executedLines());
    }

    @Test
    void motionSensorConfiguresItsPinAndNeedsAnExtruder() {
        SensorFixture f = new SensorFixture(false);
        ConfigException missing = assertThrows(ConfigException.class, () -> new MotionSensor(
                f.section("filament_motion_sensor enc", "switch_pin", "PD5")));
        assertTrue(missing.getMessage().contains("extruder"), missing.getMessage());
        SensorFixture g = new SensorFixture(false);
        MotionSensor sensor = new MotionSensor(g.section("filament_motion_sensor enc", "switch_pin", "^PD5",
                "detection_length", "4", "extruder", "extruder"));
        g.printer.addObject("extruder", new Object());
        g.start();
        assertEquals("init: buttons_add oid=0 pos=0 pin=PD5 pull_up=1", g.mcu.config.get(1));
        // no extruder stepper: the extruder is at 0, so runout is at detection_length
        assertEquals(4., sensor.getFilamentRunoutPos());
        g.report(0, 0, 1);
        assertEquals(true, sensor.getStatus(0.).get("filament_detected"));
    }
}
