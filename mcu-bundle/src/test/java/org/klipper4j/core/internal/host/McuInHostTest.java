/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.pins.BoardPinsModule;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.StreamDumper;

/**
 * The MCU module inside the real host (placed in the host's package to reach its loop):
 * a batch run with two MCUs writes each MCU's config to its own file and exits with 0.
 */
class McuInHostTest {
    @TempDir
    Path dir;
    private HostLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private Path resource(String name) throws Exception {
        Path p = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (var in = getClass().getResourceAsStream("/org/klipper4j/mcu/protocol/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void batchRunWritesEachMcusConfig() throws Exception {
        Path dict = resource("dict/stm32h723.dict");
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu extboard]\nserial: /dev/ttyACM1\n[board_pins]\naliases: x=PA1\n"
                + "[mcu]\nserial: /dev/ttyACM0\nrestart_method: command\n");
        Path input = dir.resolve("in.gcode");
        Files.writeString(input, "G4 P1\n");
        Path out = dir.resolve("out.serial");
        StartArgs args = new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(input), Optional.of(out), Map.of("mcu", dict, "extboard", dict), false, false);
        ModuleRegistry registry = new ModuleRegistry();
        registry.add(new ModuleEntry("mcu", true, new McuModule(), "mcu-bundle", 1, 0));
        registry.add(new ModuleEntry("board_pins", true, new BoardPinsModule(), "mcu-bundle", 2, 0));
        BlockingQueue<Integer> exits = new ArrayBlockingQueue<>(2);
        loop = new HostLoop(args, registry, exits::add);
        loop.start();
        assertEquals(0, exits.poll(20, TimeUnit.SECONDS));

        DataDictionary d = DataDictionary.load(dict);
        List<String> expected = List.of("allocate_oids count=0", "finalize_config crc=3912464276");
        assertEquals(expected, new StreamDumper(d).dumpToLines(Files.readAllBytes(out)));
        assertEquals(expected, new StreamDumper(d).dumpToLines(Files.readAllBytes(dir.resolve("out.serial-extboard"))));
    }
}
