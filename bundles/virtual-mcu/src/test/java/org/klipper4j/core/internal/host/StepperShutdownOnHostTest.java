/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.klipper4j.core.internal.host.VirtualBoardHost.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.klipper4j.kinematics.cartesian.internal.CartesianKinematicsFactory;
import org.klipper4j.mcu.internal.motion.MotionQueuingModule;
import org.klipper4j.mcu.internal.motion.StepperEnableModule;

/**
 * A cartesian printer on the virtual board: when the board shuts down, the steppers are
 * off on both sides: the board's enable pins at their (off) default, and the host's
 * {@code stepper_enable} status saying so. Lives in the host's package because HostLoop
 * and ModuleRegistry are package-private.
 */
class StepperShutdownOnHostTest {
    private static final String CFG = "[mcu]\nserial: virtual:steppers\n\n"
            + "[printer]\nkinematics: cartesian\nmax_velocity: 300\nmax_accel: 3000\n\n"
            + axis("x", "PB0", "PB1", "PB2", "PC0") + axis("y", "PB3", "PB4", "PB5", "PC1")
            + axis("z", "PB6", "PB7", "PB8", "PC2");

    @TempDir
    Path dir;
    private final VirtualBoardHost rig = new VirtualBoardHost("steppers");
    private final VirtualMcu board = rig.board;

    private static String axis(String name, String step, String dirPin, String enable, String endstop) {
        return "[stepper_" + name + "]\nstep_pin: " + step + "\ndir_pin: " + dirPin + "\nenable_pin: " + enable
                + "\nmicrosteps: 16\nrotation_distance: 40\nendstop_pin: " + endstop
                + "\nposition_endstop: 0\nposition_max: 200\n\n";
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> steppers(PrinterHostService host) {
        return (Map<String, Object>) host.queryStatus("stepper_enable", null).get("steppers");
    }

    @Test
    void anMcuShutdownTurnsEveryStepperOffOnBothSides() throws Exception {
        rig.registry.add(new ModuleEntry("motion_queuing", false, new MotionQueuingModule(), "mcu-bundle", 2, 0));
        rig.registry.add(new ModuleEntry("stepper_enable", false, new StepperEnableModule(), "mcu-bundle", 3, 0));
        rig.registry.addKinematics(new ModuleRegistry.KinematicsEntry("cartesian", new CartesianKinematicsFactory(),
                "kinematics-cartesian", 4));
        PrinterHostService host = rig.start(dir, CFG);

        assertEquals(List.of("// stepper_x has been manually enabled"),
                host.runGCode("SET_STEPPER_ENABLE STEPPER=stepper_x ENABLE=1"));
        assertEquals(List.of("// stepper_z has been manually enabled"),
                host.runGCode("SET_STEPPER_ENABLE STEPPER=stepper_z ENABLE=1"));
        waitFor("the enable pins on", () -> board.output("PB2") == 1. && board.output("PB8") == 1.);
        assertEquals(Map.of("stepper_x", true, "stepper_y", false, "stepper_z", true), steppers(host));

        rig.shutDownBoard();
        waitFor("the host shutdown", () -> host.getState() == PrinterState.SHUTDOWN);

        assertEquals(0., board.output("PB2"), "stepper_x's enable pin");
        assertEquals(0., board.output("PB5"), "stepper_y's enable pin");
        assertEquals(0., board.output("PB8"), "stepper_z's enable pin");
        assertEquals(Map.of("stepper_x", false, "stepper_y", false, "stepper_z", false), steppers(host));
    }
}
