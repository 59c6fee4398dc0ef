/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.kinematics.testing.StepStreams;

/** [extruder_stepper NAME]: follows an extruder's moves, can be re-synced or detached. */
class ExtruderStepperTest {
    @TempDir
    Path dir;

    private static final String SECOND_STEPPER = """
            [extruder_stepper belted]
            extruder: extruder
            step_pin: PC1
            dir_pin: PC3
            enable_pin: !PC7
            microsteps: 16
            rotation_distance: 32
            """;

    private ExtruderPrinter printer() throws Exception {
        return new ExtruderPrinter(dir, ExtruderTest.AXES + "\n" + ExtruderTest.EXTRUDER + "\n" + SECOND_STEPPER);
    }

    private static long netSteps(ExtruderPrinter p, String pin) {
        List<Long> steps = StepStreams.fromSim(p.printer.mcu).getOrDefault(pin, List.of());
        return steps.stream().filter(c -> c > 0).count() - steps.stream().filter(c -> c < 0).count();
    }

    private PrinterExtruderStepper belted(ExtruderPrinter p) {
        return p.printer.lookupObject("extruder_stepper belted", PrinterExtruderStepper.class);
    }

    @Test
    void followsItsExtruder() throws Exception {
        ExtruderPrinter p = printer();
        assertEquals("extruder", belted(p).getStatus(0).get("motion_queue"));
        p.home();
        p.move(10, 0, 0.5, 1.5, 50.);
        p.toolhead.flushStepGeneration();
        assertEquals(150, netSteps(p, "PA4"));
        assertEquals(150, netSteps(p, "PC1"));
    }

    @Test
    void detachedStepperStaysStill() throws Exception {
        ExtruderPrinter p = printer();
        p.home();
        p.move(10, 0, 0.5, 1., 50.);
        p.gcode.run("SYNC_EXTRUDER_MOTION", "EXTRUDER", "belted", "MOTION_QUEUE", "");
        assertEquals("Extruder 'belted' now syncing with ''", p.gcode.responses.get(p.gcode.responses.size() - 1));
        assertEquals(null, belted(p).getStatus(0).get("motion_queue"));
        p.move(20, 0, 0.5, 2., 50.);
        p.toolhead.flushStepGeneration();
        assertEquals(200, netSteps(p, "PA4"));
        assertEquals(100, netSteps(p, "PC1"));
        // synced again it continues from the extruder's position, without a jump
        p.gcode.run("SYNC_EXTRUDER_MOTION", "EXTRUDER", "belted", "MOTION_QUEUE", "extruder");
        p.move(30, 0, 0.5, 2.5, 50.);
        p.toolhead.flushStepGeneration();
        assertEquals(250, netSteps(p, "PA4"));
        assertEquals(150, netSteps(p, "PC1"));
    }

    @Test
    void unknownExtruderIsRefused() throws Exception {
        ExtruderPrinter p = printer();
        CommandError e = assertThrows(CommandError.class,
                () -> p.gcode.run("SYNC_EXTRUDER_MOTION", "EXTRUDER", "belted", "MOTION_QUEUE", "nozzle"));
        assertEquals("'nozzle' is not a valid extruder.", e.getMessage());
    }

    @Test
    void pressureAdvanceByStepperName() throws Exception {
        ExtruderPrinter p = printer();
        p.gcode.run("SET_PRESSURE_ADVANCE", "EXTRUDER", "belted", "ADVANCE", "0.2");
        assertEquals(.2, belted(p).getStatus(0).get("pressure_advance"));
        assertEquals(0., p.extruder("extruder").getStatus(0).get("pressure_advance"));
    }
}
