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
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.extras.manualstepper.internal.ManualStepperModule;
import org.klipper4j.extras.tmc.internal.Tmc2209Module;
import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.klipper4j.kinematics.cartesian.internal.CartesianKinematicsFactory;
import org.klipper4j.kinematics.none.internal.NoneKinematicsFactory;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.mcu.internal.motion.MotionQueuingModule;
import org.klipper4j.mcu.internal.motion.StepperEnableModule;

/**
 * A TMC2209 on the virtual board's single-wire UART, inside the real host (in the
 * host's package to reach its loop): registers are written and verified at
 * connect, DUMP_TMC reads them back, SET_TMC_CURRENT changes IHOLD_IRUN in the
 * driver, and an over-temperature bit in DRV_STATUS shuts the printer down with
 * Klipper's message.
 */
class TmcOnVirtualMcuTest {
    private static final int IHOLD_IRUN = 0x10;
    private static final int DRV_STATUS = 0x6f;
    private static final String CFG = "[mcu]\nserial: virtual:tmc\n\n"
            + "[printer]\nkinematics: none\nmax_velocity: 300\nmax_accel: 3000\n\n"
            + "[manual_stepper stepper_x]\nstep_pin: PB0\ndir_pin: PB1\nmicrosteps: 16\nrotation_distance: 40\n\n"
            + "[tmc2209 manual_stepper stepper_x]\nuart_pin: PE0\nrun_current: 0.5\nsense_resistor: 0.110\n";

    @TempDir
    Path dir;
    private final VirtualMcu board = new VirtualMcu("tmc", BoardWiring.virtualPrinter());
    private HostLoop loop;
    private PrinterHostService host;

    private static final String HOMING_CFG = "[mcu]\nserial: virtual:tmc\n\n"
            + "[printer]\nkinematics: cartesian\nmax_velocity: 300\nmax_accel: 3000\n\n"
            + "[stepper_x]\nstep_pin: PB0\ndir_pin: PB1\nenable_pin: !PB2\nmicrosteps: 16\nrotation_distance: 40\n"
            + "endstop_pin: tmc2209_stepper_x:virtual_endstop\nposition_endstop: 0\nposition_max: 200\n"
            + "homing_speed: 50\nhoming_retract_dist: 0\n\n"
            + "[tmc2209 stepper_x]\nuart_pin: PE0\ndiag_pin: PC0\nrun_current: 0.5\n"
            + "stealthchop_threshold: 999999\n\n"
            + "[stepper_y]\nstep_pin: PB3\ndir_pin: PB4\nenable_pin: !PB5\nmicrosteps: 16\nrotation_distance: 40\n"
            + "endstop_pin: PC1\nposition_endstop: 0\nposition_max: 200\n\n"
            + "[stepper_z]\nstep_pin: PB6\ndir_pin: PB7\nenable_pin: !PB8\nmicrosteps: 16\nrotation_distance: 8\n"
            + "endstop_pin: PC2\nposition_endstop: 0\nposition_max: 200\n";

    private void start() throws Exception {
        start(CFG);
    }

    private void start(String config) throws Exception {
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("virtual", (address, baud) -> board.openLink());
        ModuleRegistry registry = new ModuleRegistry();
        registry.add(new ModuleEntry("mcu", true, new McuModule(opener), "mcu-bundle", 1, 0));
        registry.add(new ModuleEntry("motion_queuing", false, new MotionQueuingModule(), "mcu-bundle", 2, 0));
        registry.add(new ModuleEntry("stepper_enable", false, new StepperEnableModule(), "mcu-bundle", 3, 0));
        registry.add(new ModuleEntry("manual_stepper", true, new ManualStepperModule(), "manual-stepper", 4, 0));
        registry.add(new ModuleEntry("tmc2209", true, new Tmc2209Module(), "tmc", 5, 0));
        registry.addKinematics(new ModuleRegistry.KinematicsEntry("none", new NoneKinematicsFactory(), "none", 6));
        registry.addKinematics(new ModuleRegistry.KinematicsEntry("cartesian", new CartesianKinematicsFactory(),
                "cartesian", 7));
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, config);
        StartArgs args = new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, false);
        loop = new HostLoop(args, registry, code -> { });
        loop.start();
        host = new PrinterHostService(loop);
        waitFor("the printer to start", () -> host.getState() != PrinterState.STARTUP);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
    }

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
        board.close();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void registersAreWrittenAtConnectAndDumped() throws Exception {
        start();
        // .5A at .11 Ohm: cs = int(32*.13*.5*sqrt2/.18 + .5) - 1 = 15 with vsense; IHOLDDELAY 8
        assertEquals(0x00080f0fL, board.tmcDriver("PE0", 0).read(IHOLD_IRUN));
        List<String> out = host.runGCode("DUMP_TMC STEPPER=stepper_x");
        assertTrue(out.contains("// IHOLD_IRUN: 00080f0f ihold=15 irun=15 iholddelay=8")
                || out.contains("IHOLD_IRUN: 00080f0f ihold=15 irun=15 iholddelay=8"), String.join("\n", out));
        // read back from the driver: spreadCycle (no stealthchop_threshold), UART settings
        assertTrue(out.stream().anyMatch(l -> l.endsWith(
                "GCONF:      000001c4 en_spreadcycle=1 pdn_disable=1 mstep_reg_select=1 multistep_filt=1")),
                String.join("\n", out));
    }

    @Test
    void setTmcCurrentChangesIrunAndIholdOnTheWire() throws Exception {
        start();
        // .8A: cs = int(32*.13*.8*sqrt2/.18 + .5) - 1 = 25; reported (25+1)*.18/(32*.13*sqrt2) = .80A
        List<String> out = host.runGCode("SET_TMC_CURRENT STEPPER=stepper_x CURRENT=0.8");
        assertTrue(out.stream().anyMatch(l -> l.endsWith("Run Current: 0.80A Hold Current: 0.80A")),
                String.join("\n", out));
        assertEquals(0x00081919L, board.tmcDriver("PE0", 0).read(IHOLD_IRUN));
    }

    @Test
    void anOvertemperatureBitShutsThePrinterDown() throws Exception {
        start();
        host.runGCode("MANUAL_STEPPER STEPPER=stepper_x ENABLE=1");
        Thread.sleep(300);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        board.tmcDriver("PE0", 0).write(DRV_STATUS, 1 << 1); // ot
        waitFor("the shutdown", () -> host.getState() == PrinterState.SHUTDOWN);
        // Klipper's formatter shows a zero CS_ACTUAL as "0(Reset?)" (the virtual driver reports no current)
        assertEquals("TMC 'manual_stepper stepper_x' reports error:"
                + " DRV_STATUS: 00000002 ot=1(OvertempError!) cs_actual=0(Reset?)",
                host.getStateMessage().lines().findFirst().orElse(""));
    }

    @Test
    void sensorlessHomingHomesOnTheDiagPinAndRestoresTheDriver() throws Exception {
        start(HOMING_CFG);
        var driver = board.tmcDriver("PE0", 0);
        // stealthChop up to 999999 mm/s: TPWMTHRS = int(12e6 * (40/200/16/16) / 999999 + .5) = 0,
        // GCONF = multistep_filt | mstep_reg_select | pdn_disable (en_spreadcycle off)
        assertEquals(0x1c0L, driver.read(0x00));
        int before = driver.writeLog().size();
        assertEquals(List.of(), host.runGCode("G28 X"));
        assertEquals("x", host.queryStatus("toolhead", List.of("homed_axes")).get("homed_axes"));
        List<String> writes = driver.writeLog().subList(before, driver.writeLog().size());
        // stallGuard4 needs stealthChop: TPWMTHRS 0, GCONF unchanged, TCOOLTHRS on for the move ...
        assertTrue(writes.contains("14=000fffff"), writes.toString());
        // ... and restored afterwards
        assertEquals("14=00000000", writes.get(writes.size() - 1), writes.toString());
        assertEquals(0L, driver.read(0x14));
        assertEquals(0x1c0L, driver.read(0x00));
    }
}
