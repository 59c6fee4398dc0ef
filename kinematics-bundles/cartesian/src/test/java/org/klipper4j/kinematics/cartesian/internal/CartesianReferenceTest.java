/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.cartesian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.core.internal.toolhead.KinematicsRegistry;
import org.klipper4j.core.internal.toolhead.ToolheadModule;

/**
 * Runs the moves of Klipper's printers test (move.gcode) on example-cartesian.cfg
 * through the real toolhead, cartesian kinematics and step pipeline, and compares
 * every X, Y and Z step with Klipper's own batch output.
 */
class CartesianReferenceTest {
    /** The comparison tolerance of mcustream.py: 2 x max_stepper_error + 1 tick. */
    private static final long TOLERANCE = 2 * 400 + 1;

    @TempDir
    Path dir;

    private SimPrinter printer;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws IOException {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, resource("example-cartesian.cfg"));
        printer = new SimPrinter(cfg);
        PrinterConfig config = PrinterConfig.load(printer, cfg);
        KinematicsRegistry kinematics = new KinematicsRegistry();
        kinematics.register("cartesian", new CartesianKinematicsFactory());
        new ToolheadModule(kinematics).load(config.section("printer"));
        toolhead = printer.lookupObject("toolhead", Toolhead.class);
        printer.mcu.connect();
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CartesianReferenceTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void move(double x, double y, double z) {
        move(x, y, z, toolhead.getPosition()[3]);
    }

    private void move(double x, double y, double z, double e) {
        toolhead.move(new double[] {x, y, z, e}, 100.);
    }

    /**
     * The extruder's effect on toolhead timing with example-cartesian's options
     * (nozzle 0.5, filament 3.5): extrude-only moves limited to max_velocity and
     * max_accel times the max extrude ratio; Klipper allows cold extrusion in batch mode.
     */
    static final class TimingExtruder implements org.klipper4j.core.api.motion.ExtraAxis {
        private static final double RATIO = 4. * .5 * .5 / (Math.PI * 1.75 * 1.75);

        @Override
        public String getName() {
            return "extruder";
        }

        @Override
        public double calcJunction(org.klipper4j.core.api.motion.ToolheadMove prev,
                org.klipper4j.core.api.motion.ToolheadMove move, int eIndex) {
            double diffR = move.axesR()[eIndex] - prev.axesR()[eIndex];
            return diffR != 0. ? Math.pow(1. / Math.abs(diffR), 2) : move.maxCruiseV2();
        }

        @Override
        public void checkMove(org.klipper4j.core.api.motion.ToolheadMove move, int eIndex) {
            double[] ad = move.axesD();
            double axisR = move.axesR()[eIndex];
            if ((ad[0] == 0. && ad[1] == 0.) || axisR < 0.) {
                double inv = 1. / Math.abs(axisR);
                move.limitSpeed(500. * RATIO * inv, 3000. * RATIO * inv);
            }
        }

        @Override
        public void processMove(double printTime, org.klipper4j.core.api.motion.ToolheadMove move, int eIndex) {
        }
    }

    /** The end of a batch run: Klipper dwells 0.5 s, waits for the moves and lets the flush timer finish. */
    private void finish() throws Exception {
        printer.sendEvent("gcode:request_restart", toolhead.getLastMoveTime());
        toolhead.dwell(0.5);
        toolhead.waitMoves();
        printer.reactor.runDueTimers();
    }

    @Test
    void configCommandsMatchKlipper() {
        List<String> steppers = printer.mcu.config.stream().filter(c -> c.startsWith("config_stepper")).toList();
        assertEquals(3, steppers.size());
        assertTrue(steppers.get(0).matches(
                "config_stepper oid=\\d+ step_pin=PF0 dir_pin=PF1 invert_step=0 step_pulse_ticks=32"),
                steppers.get(0));
        assertTrue(steppers.get(1).contains("step_pin=PF6 dir_pin=PF7 "), steppers.get(1));
    }

    @Test
    void moveGcodeStepsMatchKlipperOutput() throws Exception {
        // move.gcode in toolhead coordinates
        toolhead.setExtruder(new TimingExtruder(), 0.);
        printer.run("G28");
        move(0, 0, 1);
        move(1, 0, 1);
        move(1, 1, 1);
        move(1, 2, 1);
        toolhead.dwell(0.1);
        move(1, 1.5, 1);
        toolhead.waitMoves();
        move(1, 1, 1);
        move(0, 0, 1);
        move(1, 0, 2);
        move(0, 1, 1);
        move(0, 1, 1, 1);
        move(0, 1, 1, 0);
        move(0, 0, 1, .01);
        // G92 Y-3; G1 Y-2; G91; G1 Y-1
        move(0, 1, 1);
        move(0, 0, 1);
        finish();

        Map<String, List<Long>> ours = StepStreams.fromSim(printer.mcu);
        Map<String, List<Long>> klipper = StepStreams.fromDecoded(
                List.of(resource("printers-example-cartesian.steps.txt").split("\n")));
        StringBuilder mismatches = new StringBuilder();
        for (String pin : List.of("PF0", "PF6", "PL3")) {
            mismatches.append(compare(pin, klipper.get(pin), ours.get(pin)));
        }
        assertEquals("", mismatches.toString());
        // enable lines: on with the first homing move, off at exit (clocks of Klipper's queue_digital_out)
        assertEquals(List.of("PD7 4032000 1", "PF2 1044258666 1", "PK0 2084485333 1", "PD7 3159825930 0",
                "PF2 3159825930 0", "PK0 3159825930 0"), printer.mcu.digitalOut);
    }

    /** The first difference between two step streams, or "" if they agree within the tolerance. */
    private static String compare(String pin, List<Long> want, List<Long> got) {
        long wantFwd = want.stream().filter(c -> c > 0).count();
        long gotFwd = got.stream().filter(c -> c > 0).count();
        String counts = "";
        if (want.size() != got.size() || wantFwd != gotFwd) {
            counts = pin + ": klipper " + wantFwd + "+" + (want.size() - wantFwd) + " steps, ours " + gotFwd + "+"
                    + (got.size() - gotFwd) + "; ";
        }
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            long diff = Math.abs(Math.abs(want.get(i)) - Math.abs(got.get(i)));
            if (diff > TOLERANCE || Long.signum(want.get(i)) != Long.signum(got.get(i))) {
                return counts + pin + " step " + i + ": klipper " + want.get(i) + " ours " + got.get(i) + "; ";
            }
        }
        return counts;
    }

    @Test
    void moveBeyondTheAxisIsOutOfRange() throws Exception {
        printer.run("G28");
        CommandError e = assertThrows(CommandError.class, () -> move(0, 9999, 0.5));
        assertEquals("Move out of range: 0.000 9999.000 0.500 [0.000]", e.getMessage());
    }

    @Test
    void moveBeforeHomingAsksToHome() {
        CommandError e = assertThrows(CommandError.class, () -> move(10, 0, 0));
        assertEquals("Must home axis first: 10.000 0.000 0.000 [0.000]", e.getMessage());
    }

    @Test
    void homingSetsPositionAndHomedAxes() throws Exception {
        printer.run("G28", "X", "0");
        assertEquals("x", toolhead.getStatus(0).get("homed_axes"));
        printer.run("G28");
        assertEquals("xyz", toolhead.getStatus(0).get("homed_axes"));
        double[] pos = toolhead.getPosition();
        assertEquals(0., pos[0], 1e-9);
        assertEquals(0.5, pos[2], 1e-9);
        assertEquals(List.of(0., 0., 0., 0.), toolhead.getStatus(0).get("axis_minimum"));
        assertEquals(List.of(200., 200., 200., 0.), toolhead.getStatus(0).get("axis_maximum"));
    }
}
