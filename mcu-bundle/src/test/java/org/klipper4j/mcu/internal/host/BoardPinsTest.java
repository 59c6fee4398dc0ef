/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.testkit.ReactorPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.mcu.internal.pins.BoardPinsModule;
import org.klipper4j.mcu.internal.pins.PinResolver;
import org.klipper4j.mcu.internal.pins.PinsRegistry;

/** [board_pins]: aliases and aliases_* for the listed MCUs, angle-bracket values reserve. */
class BoardPinsTest {
    @TempDir
    Path dir;
    private ReactorPrinter printer;

    @AfterEach
    void stop() throws Exception {
        printer.close();
    }

    private PinsRegistry load(String boardPins) throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: /dev/ttyACM0\n[mcu ext]\nserial: /dev/ttyACM1\n" + boardPins);
        printer = new ReactorPrinter(ReactorPrinter.batchArgs(cfg, dir.resolve("out"), Map.of()));
        return printer.call(() -> {
            PrinterConfig config = PrinterConfig.load(printer, cfg);
            McuModule module = new McuModule();
            printer.addObject("mcu", module.load(config.section("mcu")));
            printer.addObject("mcu ext", module.load(config.section("mcu ext")));
            for (var s : config.prefixSections("board_pins")) {
                new BoardPinsModule().load(s);
            }
            return PinsRegistry.ensure(printer);
        });
    }

    @Test
    void aliasesApplyToTheListedMcus() throws Exception {
        PinsRegistry pins = load("[board_pins skr]\nmcu: mcu, ext\naliases:\n  EXP1_1=PE10, EXP1_2=PE11\n"
                + "aliases_power: PS_ON=PC12, FIVE_V=<5V>\n");
        for (String mcu : new String[] {"mcu", "ext"}) {
            PinResolver r = pins.getPinResolver(mcu);
            assertEquals(" pin=PE10 dir_pin=PE11 x_pin=PC12",
                    r.updateCommand(" pin=EXP1_1 dir_pin=EXP1_2 x_pin=PS_ON"));
            ConfigException e = assertThrows(ConfigException.class, () -> r.updateCommand(" pin=FIVE_V"));
            assertEquals("pin FIVE_V is reserved for <5V>", e.getMessage());
        }
    }

    @Test
    void defaultMcuIsTheMainOne() throws Exception {
        PinsRegistry pins = load("[board_pins]\naliases: EXP1_1=PE10\n");
        assertEquals(" pin=PE10", pins.getPinResolver("mcu").updateCommand(" pin=EXP1_1"));
        assertEquals(" pin=EXP1_1", pins.getPinResolver("ext").updateCommand(" pin=EXP1_1"));
    }

    @Test
    void unknownMcuAndBadEntriesAreErrors() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load("[board_pins]\nmcu: other\naliases: a=b\n"));
        assertEquals("Unknown chip name 'other'", e.getMessage());
        printer.close();
        e = assertThrows(ConfigException.class, () -> load("[board_pins]\naliases: EXP1_1\n"));
        assertEquals("Option 'aliases' in section 'board_pins' must have 2 elements: EXP1_1", e.getMessage());
    }
}
