/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakePwm.Update;
import org.klipper4j.testkit.TestPrinter;

class TemperatureFanTest {
    private final TestPrinter bench = new TestPrinter(true);
    private final FakeHeaters heaters = new FakeHeaters();
    private TemperatureFan fan;

    private FakePwm start(String... options) {
        bench.printer.addObject("heaters", heaters);
        List<String> all = new ArrayList<>(List.of("pin", "PA1", "min_temp", "0", "max_temp", "100",
                "sensor_type", "MAX6675", "kick_start_time", "0"));
        all.addAll(List.of(options));
        fan = (TemperatureFan) new TemperatureFanModule().load(
                bench.config("temperature_fan box", all.toArray(String[]::new)));
        bench.connect();
        return (FakePwm) bench.mcu.pins.get(0);
    }

    private void measure(double readTime, double temp) {
        heaters.sensor.callback.onTemperature(readTime, temp);
    }

    private static void assertUpdate(double printTime, double value, Update actual) {
        assertEquals(printTime, actual.printTime(), 1e-9);
        assertEquals(value, actual.value(), 1e-12);
    }

    @Test
    void setsUpItsSensorAndRunsAtFullSpeedOnShutdown() {
        FakePwm pwm = start("control", "watermark");
        assertEquals(0., heaters.sensor.minTemp);
        assertEquals(100., heaters.sensor.maxTemp);
        assertEquals(List.of("temperature_fan box"), heaters.registeredSensors);
        assertSame(fan, heaters.sources.get(0));
        assertEquals(1., pwm.shutdownValue);
        assertEquals(40., fan.getStatus(0.).get("target"), "default target_temp");
    }

    @Test
    void watermarkCoolsAboveTargetAndStopsBelowIt() {
        FakePwm pwm = start("control", "watermark", "target_temp", "50", "max_speed", "0.8");
        measure(10., 49.); // within max_delta of the target: keeps cooling at max_speed
        assertEquals(1, pwm.updates.size());
        assertUpdate(10.3, 0.8, pwm.updates.get(0));
        measure(11., 48.); // target - max_delta: stop
        assertUpdate(11.3, 0., pwm.updates.get(1));
        measure(12., 51.); // below target + max_delta: stays off, nothing sent
        assertEquals(2, pwm.updates.size());
        measure(13., 52.);
        assertUpdate(13.3, 0.8, pwm.updates.get(2));
        Map<String, Object> status = fan.getStatus(13.);
        assertEquals(52., status.get("temperature"));
        assertEquals(0.8, status.get("speed"));
    }

    @Test
    void smallChangesAreSkippedUntilTheFanNeedsARefresh() {
        FakePwm pwm = start("control", "watermark", "target_temp", "50");
        measure(10., 60.);
        assertEquals(1, pwm.updates.size());
        assertNull(bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box MAX_SPEED=0.97"));
        measure(13., 60.); // a change under 0.05 while the last update is fresh (until 10.3 + 3.75)
        assertEquals(1, pwm.updates.size());
        measure(14.1, 60.); // refresh due: the small change goes out
        assertEquals(2, pwm.updates.size());
        assertUpdate(14.4, 0.97, pwm.updates.get(1));
    }

    @Test
    void pidSlowsTheFanAsTheTemperatureFallsBelowTarget() {
        FakePwm pwm = start("control", "pid", "target_temp", "40", "pid_Kp", "25.5", "pid_Ki", "0",
                "pid_Kd", "0", "min_speed", "0.2");
        // Kp = 0.1 per degree: 2 degrees under target asks for 0.2 less than max_speed
        measure(10., 38.);
        assertUpdate(10.3, 0.8, pwm.updates.get(0));
        // far under target: the output saturates and the fan holds min_speed
        measure(11., 20.);
        assertUpdate(11.3, 0.2, pwm.updates.get(1));
        // above target: full speed
        measure(12., 45.);
        assertUpdate(12.3, 1., pwm.updates.get(2));
    }

    @Test
    void pidDerivativeIsSmoothedOverDerivTime() {
        FakePwm pwm = start("control", "pid", "target_temp", "40", "pid_Kp", "0", "pid_Ki", "0",
                "pid_Kd", "255", "pid_deriv_time", "2", "min_speed", "0");
        // first reading at t=10 from the ambient 25 C at t=0: slope 1.5 C/s, output -1.5 -> clamped to 0
        measure(10., 40.);
        assertUpdate(10.3, 1., pwm.updates.get(0));
        // 1 s later, 1 C colder: slope (1.5 * 1 + -1) / 2 = 0.25 -> output -0.25 -> 0, no change
        measure(11., 39.);
        assertEquals(1, pwm.updates.size());
        // 1 s later, 2 C colder: slope (0.25 * 1 - 2) / 2 = -0.875 -> output 0.875 -> speed 0.125
        measure(12., 37.);
        assertUpdate(12.3, 0.125, pwm.updates.get(1));
    }

    @Test
    void noTargetMeansTheFanStaysOff() {
        FakePwm pwm = start("control", "watermark", "target_temp", "50");
        measure(10., 70.);
        assertEquals(1., pwm.updates.get(0).value());
        assertNull(bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box TARGET=0"));
        measure(11., 70.);
        assertUpdate(11.3, 0., pwm.updates.get(1));
        assertEquals(0., fan.getStatus(11.).get("target"));
    }

    @Test
    void setTargetChangesTargetAndSpeedLimits() {
        FakePwm pwm = start("control", "watermark", "target_temp", "50");
        assertNull(bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box TARGET=30 MAX_SPEED=0.6"));
        measure(10., 35.);
        assertUpdate(10.3, 0.6, pwm.updates.get(0));
        assertEquals(30., fan.getStatus(10.).get("target"));
        // without TARGET the configured target_temp comes back
        assertNull(bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box"));
        assertEquals(50., fan.getStatus(10.).get("target"));
    }

    @Test
    void setTargetRejectsBadValuesWithKlippersWords() {
        start("control", "watermark");
        assertEquals("Requested temperature (120.0) out of range (0.0:100.0)",
                bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box TARGET=120"));
        assertEquals("Requested min speed (0.8) is greater than max speed (0.5)",
                bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box MIN_SPEED=0.8 MAX_SPEED=0.5"));
        assertEquals("Requested max speed (1.5) out of range (0.0 : 1.0)",
                bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=box MAX_SPEED=1.5"));
        assertEquals("The value 'other' is not valid for TEMPERATURE_FAN",
                bench.gcode.run("SET_TEMPERATURE_FAN_TARGET TEMPERATURE_FAN=other TARGET=30"));
    }

    @Test
    void controlMustBeGiven() {
        ConfigException missing = assertThrows(ConfigException.class, () -> start());
        assertTrue(missing.getMessage().contains("'control'"), missing.getMessage());
    }

    @Test
    void controlMustBeKnown() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> start("control", "fuzzy"));
        assertEquals("Choice 'fuzzy' for option 'control' in section 'temperature_fan box' is not a valid choice",
                unknown.getMessage());
    }

    @Test
    void targetOutsideTheTemperatureRangeIsAConfigError() {
        assertThrows(ConfigException.class, () -> start("control", "watermark", "target_temp", "150"));
    }
}
