/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.core.internal.toolhead.KinematicsRegistry;
import org.klipper4j.core.internal.toolhead.ToolheadModule;

/**
 * A printer from one of Klipper's example configs on a simulated MCU, and the
 * moves of Klipper's printers test (test/klippy/move.gcode) in toolhead
 * coordinates, for comparing step output with Klipper's reference.
 */
public final class MoveGcodeRun {
    /** The comparison tolerance of mcustream.py: 2 x max_stepper_error + 1 tick. */
    public static final long TOLERANCE = 2 * 400 + 1;

    public final SimPrinter printer;
    public final Toolhead toolhead;

    public MoveGcodeRun(Path dir, String configResource, String kinematicsName, KinematicsFactory factory)
            throws IOException {
        this(dir, kinematicsName, factory, resource(configResource));
    }

    /** A printer from config text. */
    public MoveGcodeRun(Path dir, String kinematicsName, KinematicsFactory factory, String configText)
            throws IOException {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, configText);
        printer = new SimPrinter(cfg);
        PrinterConfig config = PrinterConfig.load(printer, cfg);
        KinematicsRegistry kinematics = new KinematicsRegistry();
        kinematics.register(kinematicsName, factory);
        new ToolheadModule(kinematics).load(config.section("printer"));
        toolhead = printer.lookupObject("toolhead", Toolhead.class);
        printer.mcu.connect();
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    public static String resource(String name) throws IOException {
        try (InputStream in = MoveGcodeRun.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public void move(double x, double y, double z) {
        move(x, y, z, toolhead.getPosition()[3]);
    }

    public void move(double x, double y, double z, double e) {
        toolhead.move(new double[] {x, y, z, e}, 100.);
    }

    /**
     * move.gcode: G28, then XYZ and E moves at F6000. The E moves run (Klipper
     * allows cold extrusion in batch mode); G92 Y-3 / G1 Y-2 / G91 / G1 Y-1 are
     * the last two moves in toolhead coordinates. Ends as a batch run does.
     */
    public void runMoveGcode(double extrudeRatio, double maxVelocity, double maxAccel) throws Exception {
        toolhead.setExtruder(new TimingExtruder(extrudeRatio, maxVelocity, maxAccel), 0.);
        printer.run("G28");
        double[] p = toolhead.getPosition();
        move(p[0], p[1], 1);
        move(1, p[1], 1);
        move(1, 1, 1);
        move(1, 2, 1);
        toolhead.dwell(0.1);
        move(1, 1.5, 1);
        // M400: in batch mode waitMoves only flushes (Klipper's can_pause is false); in
        // a real batch run the flush timer fires before the next move (Klipper's output
        // shows it); this harness has no file reader, so it runs the due timers itself
        toolhead.waitMoves();
        printer.reactor.runDueTimers();
        move(1, 1, 1);
        move(0, 0, 1);
        move(1, 0, 2);
        move(0, 1, 1);
        move(0, 1, 1, 1);
        move(0, 1, 1, 0);
        move(0, 0, 1, .01);
        move(0, 1, 1);
        move(0, 0, 1);
        // the end of a batch run: request_restart (motors off), dwell 0.5 s, wait, flush timer
        printer.sendEvent("gcode:request_restart", toolhead.getLastMoveTime());
        toolhead.dwell(0.5);
        toolhead.waitMoves();
        printer.reactor.runDueTimers();
    }

    /** Differences between our steps and Klipper's for the given step pins ("" if none). */
    public String compareWith(String referenceResource, List<String> stepPins) throws IOException {
        Map<String, List<Long>> ours = StepStreams.fromSim(printer.mcu);
        Map<String, List<Long>> klipper = StepStreams.fromDecoded(List.of(resource(referenceResource).split("\n")));
        StringBuilder sb = new StringBuilder();
        for (String pin : stepPins) {
            sb.append(compare(pin, klipper.getOrDefault(pin, List.of()), ours.getOrDefault(pin, List.of())));
        }
        return sb.toString();
    }

    /** Per step pin: [our queue_step commands, Klipper's]. */
    public Map<String, long[]> queueStepCounts(String referenceResource) throws IOException {
        Map<String, long[]> res = new java.util.TreeMap<>();
        Map<Long, String> pinByOid = new java.util.HashMap<>();
        for (String c : printer.mcu.config) {
            if (c.startsWith("config_stepper")) {
                pinByOid.put(Long.parseLong(c.split(" ")[1].substring(4)), c.split(" ")[2].substring(9));
            }
        }
        for (SimMcu.Sent s : printer.mcu.sent) {
            if (s.name().equals("queue_step")) {
                res.computeIfAbsent(pinByOid.get(s.arg(0)), k -> new long[2])[0]++;
            }
        }
        Map<String, String> refPins = new java.util.HashMap<>();
        for (String line : resource(referenceResource).split("\n")) {
            String[] parts = line.split(" ");
            if (parts[0].equals("config_stepper")) {
                refPins.put(parts[1], parts[2].substring(9));
            } else if (parts[0].equals("queue_step") && refPins.containsKey(parts[1])) {
                res.computeIfAbsent(refPins.get(parts[1]), k -> new long[2])[1]++;
            }
        }
        return res;
    }

    /** The first difference between two step streams, or "" if they agree within the tolerance. */
    static String compare(String pin, List<Long> want, List<Long> got) {
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

    /**
     * The extruder's effect on toolhead timing: extrude-only moves limited to
     * max_velocity and max_accel times the max extrude ratio, and Klipper's
     * instantaneous corner velocity of 1 mm/s.
     */
    static final class TimingExtruder implements ExtraAxis {
        private final double ratio;
        private final double maxVelocity;
        private final double maxAccel;

        TimingExtruder(double ratio, double maxVelocity, double maxAccel) {
            this.ratio = ratio;
            this.maxVelocity = maxVelocity;
            this.maxAccel = maxAccel;
        }

        @Override
        public String getName() {
            return "extruder";
        }

        @Override
        public double calcJunction(ToolheadMove prev, ToolheadMove move, int eIndex) {
            double diffR = move.axesR()[eIndex] - prev.axesR()[eIndex];
            return diffR != 0. ? Math.pow(1. / Math.abs(diffR), 2) : move.maxCruiseV2();
        }

        @Override
        public void checkMove(ToolheadMove move, int eIndex) {
            double[] ad = move.axesD();
            double axisR = move.axesR()[eIndex];
            if ((ad[0] == 0. && ad[1] == 0.) || axisR < 0.) {
                double inv = 1. / Math.abs(axisR);
                move.limitSpeed(maxVelocity * ratio * inv, maxAccel * ratio * inv);
            }
        }

        @Override
        public void processMove(double printTime, ToolheadMove move, int eIndex) {
        }
    }

    /** Klipper's default max extrude ratio: 4 nozzle_diameter^2 over the filament area. */
    public static double extrudeRatio(double nozzleDiameter, double filamentDiameter) {
        return 4. * nozzleDiameter * nozzleDiameter / (Math.PI * Math.pow(filamentDiameter / 2, 2));
    }
}
