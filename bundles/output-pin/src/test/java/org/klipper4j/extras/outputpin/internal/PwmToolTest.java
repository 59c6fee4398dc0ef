/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.TestPrinter;

class PwmToolTest {
    private final TestPrinter bench = new TestPrinter(true);

    private PwmTool load(String... options) {
        return (PwmTool) new PwmToolModule().load(bench.config("pwm_tool laser", options));
    }

    @Test
    void maximumMcuDurationResendsTheValueBeforeTheMcuGivesUp() {
        load("pin", "PH4", "maximum_mcu_duration", "1");
        bench.connect();
        assertEquals(List.of("config_digital_out oid=0 pin=PH4 value=0 default_value=0 max_duration=16000000",
                "set_digital_out_pwm_cycle oid=0 cycle_ticks=1600000",
                "init: queue_digital_out oid=0 clock=3200000 on_ticks=0"), bench.mcu.config);
        bench.gcode.runScript("SET_PIN PIN=laser VALUE=1");
        bench.mcu.flush(1.2);
        bench.mcu.flush(2.3);
        assertEquals(List.of("queue_digital_out oid=0 clock=4000000 on_ticks=1600000",
                "queue_digital_out oid=0 clock=20000000 on_ticks=1600000",
                "queue_digital_out oid=0 clock=36000000 on_ticks=1600000"), bench.mcu.sentText());
        // the toolhead keeps flushing until the next resend is due
        assertEquals(1.25, bench.toolhead.activity.get(0), 1e-9);
    }

    @Test
    void offNeedsNoResend() {
        load("pin", "PH4", "maximum_mcu_duration", "1", "value", "0");
        bench.connect();
        bench.gcode.runScript("SET_PIN PIN=laser VALUE=0.5\nSET_PIN PIN=laser VALUE=0");
        bench.mcu.flush(5.);
        assertEquals(List.of("queue_digital_out oid=0 clock=4000000 on_ticks=800000",
                "queue_digital_out oid=0 clock=4000000 on_ticks=0"), bench.mcu.sentText());
    }

    @Test
    void hardwarePwmUsesTheFirmwaresPwmMax() {
        load("pin", "!PH4", "hardware_pwm", "true", "cycle_time", "0.001", "value", "0.5", "shutdown_value",
                "0.5");
        bench.connect();
        assertEquals(List.of(
                "config_pwm_out oid=0 pin=PH4 cycle_ticks=16000 value=127 default_value=127 max_duration=0",
                "restart: queue_pwm_out oid=0 clock=3200000 value=128"), bench.mcu.config);
        bench.gcode.runScript("SET_PIN PIN=laser VALUE=0.2");
        assertEquals(List.of("queue_pwm_out oid=0 clock=4000000 value=204"), bench.mcu.sentText(),
                "inverted: 1 - 0.2 of 255");
    }

    @Test
    void maxDurationNeedsEqualStartAndShutdownValues() {
        load("pin", "PH4", "maximum_mcu_duration", "1", "value", "1");
        ConfigException e = assertThrows(ConfigException.class, bench::connect);
        assertEquals("Pin with max duration must have start value equal to shutdown value", e.getMessage());
    }

    @Test
    void maximumMcuDurationHasKlippersLimits() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("pin", "PH4", "maximum_mcu_duration", "0.1"));
        assertEquals("Option 'maximum_mcu_duration' in section 'pwm_tool laser' must have minimum of 0.5",
                e.getMessage());
    }
}
