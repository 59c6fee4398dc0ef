/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.klipper4j.core.internal.host.VirtualBoardHost.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.extras.heaters.internal.HeaterBedModule;
import org.klipper4j.extras.heaters.internal.HeatersModule;
import org.klipper4j.extras.heaters.internal.PidCalibrateModule;
import org.klipper4j.extras.heaters.internal.VerifyHeaterModule;
import org.klipper4j.extras.virtualmcu.VirtualMcu;

/**
 * A whole printer (the core's host, the MCU and heater modules) on the virtual board:
 * when the board shuts down by itself, the host shuts down too with Klipper's message and
 * sends no more heat. Lives in the host's package only because HostLoop is package-private.
 */
class McuShutdownOnHostTest {
    private static final String CFG = "[mcu]\nserial: virtual:shutdown\n\n"
            + "[heater_bed]\nheater_pin: PD1\nsensor_pin: PA1\nsensor_type: EPCOS 100K B57560G104F\n"
            + "control: watermark\nmin_temp: 0\nmax_temp: 130\n";

    @TempDir
    Path dir;
    private final VirtualBoardHost rig = new VirtualBoardHost("shutdown");
    private final VirtualMcu board = rig.board;

    @AfterEach
    void stop() {
        rig.close();
    }

    private static double number(Map<String, Object> status, String field) {
        return ((Number) status.get(field)).doubleValue();
    }

    @Test
    void anMcuShutdownTurnsTheHostsHeatersOff() throws Exception {
        rig.registry.add(new ModuleEntry("heaters", false, new HeatersModule(), "heaters", 2, 0));
        rig.registry.add(new ModuleEntry("heater_bed", false, new HeaterBedModule(), "heaters", 3, 0));
        rig.registry.add(new ModuleEntry("verify_heater", true, new VerifyHeaterModule(), "heaters", 4, 0));
        rig.registry.add(new ModuleEntry("pid_calibrate", false, new PidCalibrateModule(), "heaters", 5, 0));
        PrinterHostService host = rig.start(dir, CFG);

        assertEquals(List.of(), host.runGCode("M140 S100"));
        waitFor("the bed heater on", () -> board.output("PD1") > 0.5
                && number(host.queryStatus("heater_bed", null), "power") > 0.5);

        // the board stops by itself (as on a failed check); the host only hears about it
        rig.shutDownBoard();
        waitFor("the host shutdown", () -> host.getState() == PrinterState.SHUTDOWN);

        assertEquals("MCU 'mcu' shutdown: Command request", host.getStateMessage().lines().findFirst().orElse(""));
        assertEquals(0., board.output("PD1"), "the board's heater pin is off");
        int logged = board.commandLog().size();
        Thread.sleep(500);
        // the host's heater keeps its target (as Klipper's does) but commands no more heat
        assertEquals(List.of(), board.commandLog().subList(logged, board.commandLog().size()).stream()
                .filter(c -> c.startsWith("queue_digital_out") || c.startsWith("queue_pwm_out")
                        || c.startsWith("set_digital_out"))
                .toList(), "output commands after the shutdown");
        assertEquals(0., board.output("PD1"), "the board's heater pin stays off");
        assertTrue(board.isShutdown());
    }
}
