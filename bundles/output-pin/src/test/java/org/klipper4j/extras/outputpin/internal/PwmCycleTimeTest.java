/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.TestPrinter;

class PwmCycleTimeTest {
    private final TestPrinter bench = new TestPrinter(true);

    private PwmCycleTime load(String... options) {
        return (PwmCycleTime) new PwmCycleTimeModule().load(bench.config("pwm_cycle_time buzzer", options));
    }

    @Test
    void invertedPinSendsInvertedOnTicks() {
        PwmCycleTime pin = load("pin", "!PH7", "cycle_time", "0.01", "shutdown_value", "1");
        bench.connect();
        assertEquals(List.of("config_digital_out oid=0 pin=PH7 value=1 default_value=0 max_duration=0",
                "set_digital_out_pwm_cycle oid=0 cycle_ticks=160000",
                "init: queue_digital_out oid=0 clock=3200000 on_ticks=160000"), bench.mcu.config);
        bench.gcode.runScript("SET_PIN PIN=buzzer VALUE=0.25");
        assertEquals(List.of("queue_digital_out oid=0 clock=4000000 on_ticks=120000"), bench.mcu.sentText());
        assertEquals(Map.of("value", 0.25), pin.getStatus(0));
    }

    @Test
    void cycleTimeIsChecked() {
        load("pin", "PH7");
        bench.connect();
        assertEquals("Error on 'SET_PIN PIN=buzzer VALUE=1 CYCLE_TIME=0': CYCLE_TIME must be above 0.0",
                bench.gcode.run("SET_PIN PIN=buzzer VALUE=1 CYCLE_TIME=0"));
        assertEquals("Error on 'SET_PIN PIN=buzzer': missing VALUE", bench.gcode.run("SET_PIN PIN=buzzer"));
        assertEquals(List.of(), bench.mcu.sentText());
    }

    @Test
    void softPwmShutdownValueMustBeOnOrOff() {
        load("pin", "PH7", "shutdown_value", "0.5");
        ConfigException e = assertThrows(ConfigException.class, bench::connect);
        assertEquals("shutdown value must be 0.0 or 1.0 on soft pwm", e.getMessage());
    }
}
