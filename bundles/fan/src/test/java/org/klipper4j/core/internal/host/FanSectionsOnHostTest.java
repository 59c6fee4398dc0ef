/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.extras.fan.fakes.FakeMcu;
import org.klipper4j.extras.fan.fakes.FakePins;
import org.klipper4j.extras.fan.fakes.FakePwm;
import org.klipper4j.extras.fan.internal.FanGenericModule;
import org.klipper4j.extras.fan.internal.FanModule;
import org.klipper4j.extras.outputpin.internal.MultiPinModule;
import org.klipper4j.extras.outputpin.internal.OutputPinModule;

/**
 * The fan and output sections on the real host (config parser, option checks,
 * G-code dispatcher, status) with a recording MCU in place of the MCU bundle and
 * no toolhead, so updates go out at once.
 */
class FanSectionsOnHostTest {
    @TempDir
    Path dir;

    private final ModuleRegistry registry = new ModuleRegistry();
    private final BlockingQueue<Integer> exitCodes = new ArrayBlockingQueue<>(4);
    private HostLoop loop;
    private volatile FakeMcu mcu;

    /** [mcu]: a recording MCU and the pins registry; builds its config at connect. */
    private final PrinterModule mcuModule = (ConfigSection config) -> {
        config.get("serial");
        FakeMcu m = new FakeMcu(config.getPrinter(), "mcu");
        FakePins pins = new FakePins();
        pins.registerChip("mcu", m);
        config.getPrinter().addObject("pins", pins);
        config.getPrinter().registerEventHandler(PrinterEvents.CONNECT, args -> m.buildConfig());
        mcu = m;
        return m;
    };

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private PrinterHostService start(String cfg) throws Exception {
        registry.add(new ModuleEntry("mcu", false, mcuModule, "test", 1, 0));
        registry.add(new ModuleEntry("fan", false, new FanModule(), "test", 2, 0));
        registry.add(new ModuleEntry("fan_generic", true, new FanGenericModule(), "test", 3, 0));
        registry.add(new ModuleEntry("output_pin", true, new OutputPinModule(), "test", 4, 0));
        registry.add(new ModuleEntry("multi_pin", true, new MultiPinModule(), "test", 5, 0));
        Path file = dir.resolve("printer.cfg");
        Files.writeString(file, cfg);
        StartArgs args = new StartArgs(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, false);
        loop = new HostLoop(args, registry, exitCodes::add);
        loop.start();
        PrinterHostService host = new PrinterHostService(loop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.getState() == PrinterState.STARTUP && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return host;
    }

    private List<Double> values(int pinIndex) {
        return ((FakePwm) mcu.pins.get(pinIndex)).updates.stream().map(FakePwm.Update::value).toList();
    }

    @Test
    void sectionsLoadAndAnswerTheirCommands() throws Exception {
        PrinterHostService host = start("""
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
        PrinterHostService host = start("""
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
