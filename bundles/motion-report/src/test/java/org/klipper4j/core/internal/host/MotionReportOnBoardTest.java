/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.extras.forcemove.internal.ForceMoveModule;
import org.klipper4j.extras.motionreport.internal.MotionReportModule;
import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.klipper4j.kinematics.cartesian.internal.CartesianKinematicsFactory;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.mcu.internal.motion.MotionQueuingModule;
import org.klipper4j.mcu.internal.motion.StepperEnableModule;

/**
 * motion_report on the real host and the virtual board: the steppers load it without a
 * config section, and while a long X move runs its live position and velocity follow the
 * move, ending at rest at the move's end. Lives in the host's package because HostLoop
 * and ModuleRegistry are package-private.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MotionReportOnBoardTest {
    private static final String CONFIG = "[mcu]\nserial: virtual:printer\n\n"
            + "[printer]\nkinematics: cartesian\nmax_velocity: 300\nmax_accel: 3000\n"
            + "max_z_velocity: 5\nmax_z_accel: 100\n\n"
            + axis("x", "PB0", "PB1", "!PB2", "40", "PC0", "homing_speed: 50\n")
            + axis("y", "PB3", "PB4", "!PB5", "40", "PC1", "homing_speed: 50\n")
            + axis("z", "PB6", "PB7", "!PB8", "8", "PC2", "")
            + "[force_move]\nenable_force_move: True\n";

    @TempDir
    Path dir;
    private final VirtualMcu board = new VirtualMcu("printer", BoardWiring.virtualPrinter());
    private HostLoop loop;

    private static String axis(String name, String step, String dirPin, String enable, String rotation,
            String endstop, String extra) {
        return "[stepper_" + name + "]\nstep_pin: " + step + "\ndir_pin: " + dirPin + "\nenable_pin: " + enable
                + "\nmicrosteps: 16\nrotation_distance: " + rotation + "\nendstop_pin: " + endstop
                + "\nposition_endstop: 0\nposition_max: 200\n" + extra + "\n";
    }

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
        board.close();
    }

    private PrinterHostService start() throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, CONFIG);
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("virtual", (address, baud) -> board.openLink());
        ModuleRegistry registry = new ModuleRegistry();
        long id = 1;
        registry.add(new ModuleEntry("mcu", true, new McuModule(opener), "mcu-bundle", id++, 0));
        registry.add(new ModuleEntry("motion_queuing", false, new MotionQueuingModule(), "mcu-bundle", id++, 0));
        registry.add(new ModuleEntry("stepper_enable", false, new StepperEnableModule(), "mcu-bundle", id++, 0));
        registry.add(new ModuleEntry("force_move", false, new ForceMoveModule(), "force-move", id++, 0));
        registry.add(new ModuleEntry("motion_report", false, new MotionReportModule(), "motion-report", id++, 0));
        registry.addKinematics(new ModuleRegistry.KinematicsEntry("cartesian", new CartesianKinematicsFactory(),
                "kinematics-cartesian", id));
        StartArgs args = new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, false);
        loop = new HostLoop(args, registry, code -> { });
        loop.start();
        PrinterHostService host = new PrinterHostService(loop);
        waitFor("the printer to start", 20, () -> host.getState() != PrinterState.STARTUP);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        return host;
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static double liveX(Map<String, Object> status) {
        return ((Number) ((List<?>) status.get("live_position")).get(0)).doubleValue();
    }

    private static double liveVelocity(Map<String, Object> status) {
        return ((Number) status.get("live_velocity")).doubleValue();
    }

    @Test
    void liveValuesFollowAMoveOnTheBoard() throws Exception {
        PrinterHostService host = start();
        Map<String, Object> idle = host.queryStatus("motion_report", null);
        assertEquals(List.of("stepper_x", "stepper_y", "stepper_z"), idle.get("steppers"));
        assertEquals(List.of("toolhead"), idle.get("trapq"));

        // the position is set rather than homed: homing's timing is not what is tested here
        host.runGCode("SET_KINEMATIC_POSITION X=0 Y=0 Z=0\nG1 X150 F6000");
        // 150 mm at 100 mm/s: about 1.5 s; sample until a report catches it under way
        double[] seen = {0., 0.};
        waitFor("a report of the move under way", 10, () -> {
            Map<String, Object> st = host.queryStatus("motion_report", null);
            if (liveVelocity(st) > 0.) {
                seen[0] = liveX(st);
                seen[1] = liveVelocity(st);
                return true;
            }
            return false;
        });
        assertTrue(seen[0] > 0. && seen[0] < 150., "x under way " + seen[0]);
        assertTrue(seen[1] <= 100. + 1e-9, "velocity under way " + seen[1]);

        host.runGCode("M400");
        waitFor("the report of the move's end", 10, () -> {
            Map<String, Object> st = host.queryStatus("motion_report", null);
            return Math.abs(liveX(st) - 150.) < 1e-6 && liveVelocity(st) == 0.;
        });
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
    }
}
