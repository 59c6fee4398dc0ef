/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.extruder.internal.ExtruderModule;
import org.klipper4j.extras.fan.internal.FanModule;
import org.klipper4j.extras.greeter.GreeterModule;
import org.klipper4j.extras.heaters.internal.HeaterBedModule;
import org.klipper4j.extras.heaters.internal.HeatersModule;
import org.klipper4j.extras.heaters.internal.PidCalibrateModule;
import org.klipper4j.extras.heaters.internal.VerifyHeaterModule;
import org.klipper4j.extras.printstats.internal.PrintStatsModule;
import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.klipper4j.extras.virtualsdcard.internal.VirtualSdcardModule;
import org.klipper4j.kinematics.cartesian.internal.CartesianKinematicsFactory;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.mcu.internal.motion.MotionQueuingModule;
import org.klipper4j.mcu.internal.motion.StepperEnableModule;

/**
 * The virtual printer prints a sliced-style file end to end: the shipped
 * {@code config/virtual-printer.cfg} on the virtual board, with the modules the
 * distribution serves its sections with, runs {@code SDCARD_PRINT_FILE} of a file
 * with start G-code (heat and wait, G28), three layers of extrusion with
 * retractions and fan changes, and end G-code. Afterwards each axis of the board
 * stands exactly where the file's last position says, in whole steps, and
 * print_stats and virtual_sdcard say the job is complete.
 *
 * <p>Two overrides of the shipped config: the sdcard folder (a temporary one) and
 * {@code min_extrude_temp: 50}, so the file can print at 60 C, which the board's
 * thermal model reaches in seconds rather than the minute 170 C would take.
 * Lives in the host's package because HostLoop and ModuleRegistry are package-private.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VirtualPrinterPrintTest {
    /** The shipped config, from the repository (the test runs in bundles/virtual-mcu). */
    private static final Path SHIPPED_CONFIG = Path.of("../../config/virtual-printer.cfg");
    private static final String FILE = "cube.gcode";

    // steps per mm from the config: microsteps 16 x 200 full steps / rotation_distance
    private static final double XY_STEPS_PER_MM = 16 * 200 / 40.0;
    private static final double Z_STEPS_PER_MM = 16 * 200 / 8.0;
    private static final double E_STEPS_PER_MM = 16 * 200 / 33.5;
    // the file's last position (see its header): X10 Y190 Z10.6, 33.5 mm of filament in all
    private static final double FINAL_X = 10.0;
    private static final double FINAL_Y = 190.0;
    private static final double FINAL_Z = 10.6;
    private static final double FINAL_E = 33.5;

    @TempDir
    Path dir;
    private final VirtualMcu board = new VirtualMcu("printer", BoardWiring.virtualPrinter());
    private final List<String> console = new CopyOnWriteArrayList<>();
    private HostLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
        board.close();
    }

    @Test
    void aSlicedFilePrintsToTheEndAndEveryAxisEndsWhereTheFileSays() throws Exception {
        PrinterHostService host = startVirtualPrinter();
        long fileSize = Files.size(dir.resolve("gcodes").resolve(FILE));

        List<String> started = host.runGCode("SDCARD_PRINT_FILE FILENAME=" + FILE);
        assertEquals(List.of("File opened:" + FILE + " Size:" + fileSize, "File selected"), started);
        waitFor("the print to start", 10, () -> "printing".equals(printStats(host).get("state")));
        // a console command can run at the print's first yield (its first chunk read), before any line
        waitFor("the first lines to run", 10, () -> ((Number) host.queryStatus("virtual_sdcard",
                List.of("file_position")).get("file_position")).longValue() > 0);

        // asked while the file runs (the start G-code alone heats for seconds), M27 says where it is;
        // it waits for the running M190/M109, whose temperature reports come first in what it returns
        List<String> m27 = host.runGCode("M27");
        String byteLine = m27.stream().filter(l -> l.startsWith("SD printing byte")).findFirst().orElse("");
        Matcher byte27 = Pattern.compile("SD printing byte (\\d+)/(\\d+)").matcher(byteLine);
        assertTrue(byte27.matches(), m27.toString());
        assertEquals(fileSize, Long.parseLong(byte27.group(2)));
        long at = Long.parseLong(byte27.group(1));
        assertTrue(at > 0 && at < fileSize, "position " + at + " of " + fileSize);

        waitFor("the print to complete", 200, () -> !"printing".equals(printStats(host).get("state")));
        Map<String, Object> stats = printStats(host);
        assertEquals("complete", stats.get("state"), stats.toString());
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());

        // the file is read to the end before its last moves ran: wait for them, as M400 does
        host.runGCode("M400");
        waitFor("the board to finish the last moves", 20, () -> board.axisPosition("PB0") == expectedX()
                || positions().equals(positionsAfter(0.5)));
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        String where = positions() + ", toolhead " + host.queryStatus("toolhead", List.of("position"));

        // the board's axes, in steps, are the file's last position times steps/mm (homing put 0 at the endstops)
        assertEquals(expectedX(), board.axisPosition("PB0"), "stepper_x: " + where);
        assertEquals(Math.round(FINAL_Y * XY_STEPS_PER_MM), board.axisPosition("PB3"), "stepper_y: " + where);
        assertEquals(Math.round(FINAL_Z * Z_STEPS_PER_MM), board.axisPosition("PB6"), "stepper_z: " + where);
        assertEquals(Math.round(FINAL_E * E_STEPS_PER_MM), board.axisPosition("PB9"), "extruder: " + where);
        // rotation_distance 33.5: the 33.5 mm of filament are one turn of the extruder motor
        assertEquals(3200L, board.axisPosition("PB9"), "extruder steps for one turn");

        assertEquals(FILE, stats.get("filename"));
        assertEquals(FINAL_E, ((Number) stats.get("filament_used")).doubleValue(), 1e-6);
        double printDuration = ((Number) stats.get("print_duration")).doubleValue();
        double totalDuration = ((Number) stats.get("total_duration")).doubleValue();
        // printing starts with the first extrusion, after heating and homing
        assertTrue(printDuration > 0 && printDuration < totalDuration, stats.toString());
        assertEquals(Map.of("total_layer", 3, "current_layer", 3), stats.get("info"));

        Map<String, Object> sdcard = host.queryStatus("virtual_sdcard", null);
        assertEquals(1.0, sdcard.get("progress"));
        assertEquals(false, sdcard.get("is_active"));
        assertEquals(fileSize, ((Number) sdcard.get("file_position")).longValue());

        assertEquals(List.of("x", "y", "z"), homedAxes(host));
        assertEquals(0.0, ((Number) host.queryStatus("fan", null).get("speed")).doubleValue());
        assertEquals(0.0, board.output("PD2"), "the part fan pin after M107");

        // what the console showed: the start, Klipper's "Done printing file", and the summary
        assertTrue(console.contains("// SD print started: " + FILE + " (" + fileSize + " bytes)"), console.toString());
        assertTrue(console.contains("Done printing file"), console.toString());
        String finished = console.get(console.size() - 1);
        assertTrue(finished.matches("// Print finished: " + FILE + " in 0:0\\d:\\d\\d, filament used 33\\.5 mm"),
                finished);
    }

    private String positions() {
        return "board steps X " + board.axisPosition("PB0") + " Y " + board.axisPosition("PB3")
                + " Z " + board.axisPosition("PB6") + " E " + board.axisPosition("PB9");
    }

    private String positionsAfter(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return positions();
    }

    private static long expectedX() {
        return Math.round(FINAL_X * XY_STEPS_PER_MM);
    }

    private PrinterHostService startVirtualPrinter() throws IOException, InterruptedException {
        Path gcodes = Files.createDirectories(dir.resolve("gcodes"));
        try (InputStream in = getClass().getResourceAsStream("/e2e/" + FILE)) {
            Files.write(gcodes.resolve(FILE), in.readAllBytes());
        }
        String config = Files.readString(SHIPPED_CONFIG)
                + "\n[virtual_sdcard]\npath: " + gcodes + "\n"
                + "\n[extruder]\nmin_extrude_temp: 50\n"
                + "\n[console_recorder]\n";
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, config);

        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("virtual", (address, baud) -> board.openLink());
        ModuleRegistry registry = new ModuleRegistry();
        long id = 1;
        registry.add(new ModuleEntry("mcu", true, new McuModule(opener), "mcu-bundle", id++, 0));
        registry.add(new ModuleEntry("motion_queuing", false, new MotionQueuingModule(), "mcu-bundle", id++, 0));
        registry.add(new ModuleEntry("stepper_enable", false, new StepperEnableModule(), "mcu-bundle", id++, 0));
        registry.add(new ModuleEntry("heaters", false, new HeatersModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("heater_bed", false, new HeaterBedModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("verify_heater", true, new VerifyHeaterModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("pid_calibrate", false, new PidCalibrateModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("extruder", false, new ExtruderModule(), "extruder", id++, 0));
        registry.add(new ModuleEntry("fan", false, new FanModule(), "fan", id++, 0));
        registry.add(new ModuleEntry("print_stats", false, new PrintStatsModule(), "print-stats", id++, 0));
        registry.add(new ModuleEntry("virtual_sdcard", false, new VirtualSdcardModule(), "virtual-sdcard", id++, 0));
        registry.add(new ModuleEntry("greeter", false, new GreeterModule(), "example-greeter", id++, 0));
        registry.add(new ModuleEntry("console_recorder", false, consoleRecorder(), "test", id++, 0));
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

    /** A test-only section that keeps every line the console shows. */
    private PrinterModule consoleRecorder() {
        return config -> {
            config.getPrinter().lookupObject("gcode", GCodeDispatch.class).registerOutputHandler(console::add);
            return new Object();
        };
    }

    private static Map<String, Object> printStats(PrinterHostService host) {
        return host.queryStatus("print_stats", null);
    }

    private static List<String> homedAxes(PrinterHostService host) {
        String homed = (String) host.queryStatus("toolhead", List.of("homed_axes")).get("homed_axes");
        return homed.chars().mapToObj(c -> String.valueOf((char) c)).toList();
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
}
