/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.extras.outputpin.internal.MultiPinModule;
import org.klipper4j.extras.outputpin.internal.OutputPinModule;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.HostHarness;

/**
 * The fan and output sections on the real host (config parser, option checks,
 * G-code dispatcher, status) with a recording MCU in place of the MCU bundle and
 * no toolhead, so updates go out at once.
 */
class FanSectionsOnHostTest {
    @TempDir
    Path dir;

    private final HostHarness harness = new HostHarness();
    private volatile FakeMcu mcu;

    /** [mcu]: a recording MCU and the pins registry; builds its config at connect. */
    private final PrinterModule mcuModule = (ConfigSection config) -> {
        config.get("serial");
        FakeMcu m = new FakeMcu(config.getPrinter(), "mcu");
        config.getPrinter().addObject("pins", new FakePins(m));
        config.getPrinter().registerEventHandler(PrinterEvents.CONNECT, args -> m.buildConfig());
        mcu = m;
        return m;
    };

    @AfterEach
    void stop() {
        harness.close();
    }

    private PrinterHost start(String cfg) throws Exception {
        return harness.module("mcu", mcuModule)
                .module("fan", new FanModule())
                .prefixModule("fan_generic", new FanGenericModule())
                .prefixModule("output_pin", new OutputPinModule())
                .prefixModule("multi_pin", new MultiPinModule())
                .start(dir, cfg);
    }

    private List<Double> values(int pinIndex) {
        return ((FakePwm) mcu.pins.get(pinIndex)).updates.stream().map(FakePwm.Update::value).toList();
    }

    @Test
    void sectionsLoadAndAnswerTheirCommands() throws Exception {
        PrinterHost host = start("""
                [mcu]
                serial: /dev/null
                [multi_pin pair]
                pins: PA1, PA2
                [fan]
                pin: multi_pin:pair
                kick_start_time: 0
                [fan_generic aux]
                pin: PB1
                max_power: 0.5
                kick_start_time: 0
                [output_pin light]
                pin: PC1
                pwm: true
                scale: 100
                """);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        host.runGCode("M106 S255\nSET_FAN_SPEED FAN=aux SPEED=1\nSET_PIN PIN=light VALUE=25");
        assertEquals(List.of(1.), values(0));
        assertEquals(List.of(1.), values(1));
        assertEquals(List.of(0.5), values(2));
        assertEquals(List.of(0.25), values(3));
        assertEquals(1., host.queryStatus("fan", null).get("speed"));
        assertEquals(0.5, host.queryStatus("fan_generic aux", null).get("speed"));
        assertEquals(0.25, host.queryStatus("output_pin light", null).get("value"));

        CommandError e = assertThrows(CommandError.class, () -> host.runGCode("SET_PIN PIN=light VALUE=101"));
        assertEquals("Error on 'SET_PIN PIN=light VALUE=101': VALUE must have maximum of 100.0", e.getMessage());
        e = assertThrows(CommandError.class, () -> host.runGCode("SET_FAN_SPEED FAN=aux"));
        assertEquals("SET_FAN_SPEED must specify SPEED or TEMPLATE", e.getMessage());
    }

    @Test
    void optionsKlipperNoLongerHasAreRejected() throws Exception {
        PrinterHost host = start("""
                [mcu]
                serial: /dev/null
                [output_pin light]
                pin: PC1
                maximum_mcu_duration: 2
                """);
        assertEquals(PrinterState.ERROR, host.getState());
        assertTrue(host.getStateMessage().startsWith(
                "Option 'maximum_mcu_duration' is not valid in section 'output_pin light'"), host.getStateMessage());
    }
}
