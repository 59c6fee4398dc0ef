/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.conformance.runner.CaseResult;
import org.klipper4j.conformance.runner.CaseRunner;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.ConformanceCase;

/** Batch mode is deterministic: the same config and input give byte-identical MCU output. */
class BatchDeterminismTest {
    @TempDir
    Path dir;
    private Path ref;
    private ComponentCatalog catalog;

    @BeforeEach
    void setUp() throws IOException {
        ref = dir.resolve("ref");
        Files.createDirectories(ref.resolve("dict"));
        Files.copy(TestResources.reference().resolve("dict/atmega2560.dict"), ref.resolve("dict/atmega2560.dict"));
        catalog = ComponentCatalog.scan(getClass().getClassLoader());
    }

    /** Runs the case in a fresh work folder; its output bytes. */
    private byte[] run(ConformanceCase c, String workName) throws IOException {
        return run(c, workName, null);
    }

    private byte[] run(ConformanceCase c, String workName, CaseResult.Outcome want) throws IOException {
        CaseRunner runner = new CaseRunner(ref, dir.resolve(workName), catalog, getClass().getClassLoader(),
                Duration.ofSeconds(60));
        CaseResult r = runner.run(c);
        assertTrue(r.outcome() != CaseResult.Outcome.ERROR && r.outcome() != CaseResult.Outcome.PENDING,
                r.verdict());
        if (want != null) {
            assertEquals(want, r.outcome(), r.verdict());
        }
        return Files.readAllBytes(dir.resolve(workName).resolve(c.id()).resolve("out.serial"));
    }

    private ConformanceCase caseOf(String id, String config, String gcode) throws IOException {
        Files.writeString(ref.resolve(id + ".cfg"), config);
        Files.writeString(ref.resolve(id + ".gcode"), gcode);
        Path expected = TestResources.reference().resolve("cases/pwm-pwm/expected.serial");
        return new ConformanceCase(id, id + ".cfg", Map.of("mcu", "atmega2560.dict"), id + ".gcode",
                Map.of("mcu", expected.toString()), false, true);
    }

    @Test
    void pwmCaseGivesTheSameBytesTwice() throws IOException {
        Path reference = TestResources.reference();
        ConformanceCase c = caseOf("pwm", Files.readString(reference.resolve("klipper/test/klippy/pwm.cfg")),
                Files.readString(reference.resolve("cases/pwm-pwm/input.gcode")));
        byte[] first = run(c, "first", CaseResult.Outcome.EQUIVALENT);
        assertArrayEquals(first, run(c, "second", CaseResult.Outcome.EQUIVALENT));
    }

    @Test
    void movesWithDwellsWaitsAndPinUpdatesGiveTheSameBytesTwice() throws IOException {
        String config = String.join("\n", List.of(
                "[stepper_x]", "step_pin: PF0", "dir_pin: PF1", "enable_pin: !PD7", "microsteps: 16",
                "rotation_distance: 40", "endstop_pin: ^PE5", "position_endstop: 0", "position_max: 200", "",
                "[stepper_y]", "step_pin: PF6", "dir_pin: !PF7", "enable_pin: !PF2", "microsteps: 16",
                "rotation_distance: 40", "endstop_pin: ^PJ1", "position_endstop: 0", "position_max: 200", "",
                "[stepper_z]", "step_pin: PL3", "dir_pin: PL1", "enable_pin: !PK0", "microsteps: 16",
                "rotation_distance: 8", "endstop_pin: ^PD3", "position_endstop: 0.5", "position_max: 200", "",
                "[output_pin fan_pin]", "pin: PH6", "pwm: True", "value: 0", "cycle_time: 0.01", "",
                "[mcu]", "serial: /dev/ttyACM0", "",
                "[printer]", "kinematics: cartesian", "max_velocity: 500", "max_accel: 3000",
                "max_z_velocity: 25", "max_z_accel: 30", ""));
        StringBuilder gcode = new StringBuilder("G28\nG90\nG1 F6000\nG1 Z1\nG1 X1\nG1 Y1\nG1 Y2\nG4 P100\n");
        gcode.append("G1 Y1.5\nM400\nSET_PIN PIN=fan_pin VALUE=0.5\nG1 Y1\n");
        // long enough to need several reads of the input file
        for (int i = 0; i < 200; i++) {
            gcode.append("G1 X").append(10 + i % 50).append(" Y").append(5 + (i * 7) % 60)
                    .append(" ; a comment that makes the line longer\n");
            if (i % 40 == 0) {
                gcode.append("SET_PIN PIN=fan_pin VALUE=").append((i % 80) == 0 ? "1" : "0.25").append('\n');
            }
        }
        gcode.append("G4 P500\nG1 X0 Y0 Z5\n");
        ConformanceCase c = caseOf("moves", config, gcode.toString());
        byte[] first = run(c, "first");
        assertArrayEquals(first, run(c, "second"));
        assertTrue(first.length > 5000, "steps were written: " + first.length + " bytes");
    }
}
