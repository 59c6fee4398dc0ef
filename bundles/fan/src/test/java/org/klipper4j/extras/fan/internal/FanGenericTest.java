/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.fan.api.FanControl;
import org.klipper4j.extras.fan.api.Fans;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakePwm.Update;
import org.klipper4j.testkit.TestPrinter;

class FanGenericTest {
    private final TestPrinter bench = new TestPrinter(true);

    @Test
    void setFanSpeedDrivesTheNamedFan() {
        new FanGenericModule().load(bench.config("fan_generic exhaust", "pin", "PA1"));
        new FanGenericModule().load(bench.config("fan_generic aux", "pin", "PA2", "kick_start_time", "0"));
        bench.connect();
        bench.gcode.runScript("SET_FAN_SPEED FAN=aux SPEED=0.4");
        bench.mcu.flush(1.);
        assertEquals(List.of(), ((FakePwm) bench.mcu.pins.get(0)).updates);
        assertEquals(List.of(new Update(0.25, 0.4)), ((FakePwm) bench.mcu.pins.get(1)).updates);
    }

    @Test
    void setFanSpeedErrorsAreKlippers() {
        new FanGenericModule().load(bench.config("fan_generic exhaust", "pin", "PA1"));
        bench.connect();
        assertEquals("SET_FAN_SPEED must specify SPEED or TEMPLATE", bench.gcode.run("SET_FAN_SPEED FAN=exhaust"));
        assertEquals("Error on 'SET_FAN_SPEED FAN=exhaust SPEED=-1': SPEED must have minimum of 0.0",
                bench.gcode.run("SET_FAN_SPEED FAN=exhaust SPEED=-1"));
        assertEquals("Unknown display_template 'cool'", bench.gcode.run("SET_FAN_SPEED FAN=exhaust TEMPLATE=cool"));
    }

    @Test
    void otherBundlesBuildFansThroughTheApi() {
        ConfigSection config = bench.config("temperature_fan chamber", "pin", "PA3", "kick_start_time", "0",
                "max_power", "0.5");
        FanControl fan = Fans.create(config, 1.);
        bench.connect();
        FakePwm pwm = (FakePwm) bench.mcu.pins.get(0);
        assertEquals(0.5, pwm.shutdownValue, "default shutdown 1, capped at max_power");
        fan.setSpeed(1., 3.);
        fan.setSpeed(0.5, 3.05);
        assertEquals(List.of(new Update(3., 0.5), new Update(3.1, 0.25)), pwm.updates,
                "async updates are kept 0.1 s apart too");
        assertEquals(bench.mcu, fan.getMcu());
    }
}
