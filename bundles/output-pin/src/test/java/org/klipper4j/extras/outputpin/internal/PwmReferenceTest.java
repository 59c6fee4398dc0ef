/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.TestPrinter;

/**
 * Klipper's regression case {@code pwm.test}: the same config and G-code must give
 * the commands Klipper sent (test resources: Klipper's config, test file and its
 * decoded batch output). Pins made by the MCU bundle are checked as (print time,
 * value) updates; pwm_tool and pwm_cycle_time send their own commands, checked
 * line by line.
 */
class PwmReferenceTest {
    private static final Map<String, PrinterModule> MODULES = Map.of(
            "output_pin", new OutputPinModule(),
            "pwm_cycle_time", new PwmCycleTimeModule(),
            "pwm_tool", new PwmToolModule());

    private final TestPrinter bench = new TestPrinter(true);

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = PwmReferenceTest.class.getResourceAsStream("/reference/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The sections of pwm.cfg that this bundle serves, in file order. */
    private void loadConfig() throws IOException {
        String section = null;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(resourceLines("pwm.cfg"));
        lines.add("[end]");
        for (String line : lines) {
            if (line.startsWith("[")) {
                if (section != null && MODULES.containsKey(section.split(" ")[0])) {
                    FakeConfig config = new FakeConfig(bench.printer, section, options);
                    bench.printer.addObject(section, MODULES.get(section.split(" ")[0]).load(config));
                    assertEquals(List.of(), config.unused(), section);
                }
                section = line.substring(1, line.indexOf(']'));
                options = new LinkedHashMap<>();
            } else if (line.contains(":")) {
                options.put(line.substring(0, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim());
            }
        }
    }

    private void runTestFile() throws IOException {
        for (String raw : resourceLines("pwm.test")) {
            String line = raw.replaceAll("#.*", "").trim();
            if (line.isEmpty() || line.startsWith("CONFIG") || line.startsWith("DICTIONARY")) {
                continue;
            }
            bench.gcode.runScript(line);
        }
    }

    /** Klipper's commands for one oid, with the oid renamed to ours. */
    private static List<String> reference(int refOid, int ourOid) throws IOException {
        return resourceLines("pwm-pwm.txt").stream()
                .filter(l -> !l.startsWith("#") && l.contains("oid=" + refOid + " "))
                .map(l -> l.replace("oid=" + refOid + " ", "oid=" + ourOid + " "))
                .toList();
    }

    @Test
    void pwmTestGivesKlippersCommands() throws IOException {
        loadConfig();
        bench.connect();
        runTestFile();
        // Klipper's toolhead runs everything at print time 0.25 (no moves); the batch ends with a flush
        bench.mcu.flush(10.);

        List<String> ours = new ArrayList<>(bench.mcu.config);
        bench.mcu.sentText().forEach(ours::add);
        // pwm_cycle_time (PH7): Klipper's oid 2; ours is 1 (pwm_tool took 0 when it was made, as in Klipper)
        List<String> cycle = reference(2, 1).stream().map(l -> l.startsWith("queue_digital_out oid=1 clock=3200000")
                ? "init: " + l : l).toList();
        assertEquals(cycle, ours.stream().filter(l -> l.contains("oid=1 ")).toList());
        List<String> tool = reference(0, 0).stream().map(l -> l.startsWith("queue_digital_out oid=0 clock=3200000")
                ? "init: " + l : l).toList();
        assertEquals(tool, ours.stream().filter(l -> l.contains("oid=0 ")).toList());

        // output_pin soft_pwm_pin and hard_pwm_pin: every request lands at 0.25, so only the last (1.0) is sent
        FakePwm soft = (FakePwm) bench.mcu.pins.get(0);
        FakePwm hard = (FakePwm) bench.mcu.pins.get(1);
        assertEquals("PH5", soft.params.pin());
        assertEquals(List.of(new FakePwm.Update(0.25, 1.)), soft.updates);
        assertEquals("PH6", hard.params.pin());
        assertEquals(true, hard.hardwarePwm);
        assertEquals(0.01, hard.cycleTime);
        assertEquals(List.of(new FakePwm.Update(0.25, 1.)), hard.updates);
        // Klipper: queue_digital_out oid=1 clock=4000000 on_ticks=160000 and queue_pwm_out oid=3 value=255
        assertEquals(List.of("queue_digital_out oid=1 clock=4000000 on_ticks=160000"),
                reference(1, 1).stream().filter(l -> l.startsWith("queue_digital_out") && !l.contains("=3200000"))
                        .toList());
    }
}
