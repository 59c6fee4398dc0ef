/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.internal.toolhead.MotionFakes.Append;
import org.klipper4j.core.internal.toolhead.MotionFakes.BoxKinematics;
import org.klipper4j.core.internal.toolhead.MotionFakes.FakePrinter;

class ToolheadTest {
    private static final double EPS = 1e-9;
    private static final String CFG = "[printer]\nkinematics: box\nmax_velocity: 500\nmax_accel: 3000\n";

    @TempDir
    Path dir;

    private final FakePrinter printer = new FakePrinter();
    private final BoxKinematics kin = new BoxKinematics();

    private ToolheadImpl toolhead(String cfg) throws Exception {
        KinematicsRegistry reg = new KinematicsRegistry();
        reg.register("box", (th, config) -> kin);
        return new ToolheadImpl(MotionFakes.printerSection(printer, dir, cfg), reg);
    }

    private List<Append> appends() {
        return printer.motionQueuing.trapq.appends;
    }

    @Test
    void longMoveAcceleratesCruisesAndDecelerates() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {10, 0, 0, 0}, 100);
        double end = th.getLastMoveTime();
        assertEquals(1, appends().size());
        Append a = appends().get(0);
        // idle start: print time restarts at estimated time + BUFFER_TIME_START
        assertEquals(0.25, a.printTime(), EPS);
        assertEquals(100. / 3000., a.accelT(), EPS);
        assertEquals((10 - 2 * (100. * 100. / 6000.)) / 100., a.cruiseT(), EPS);
        assertEquals(100. / 3000., a.decelT(), EPS);
        assertEquals(100., a.cruiseV(), EPS);
        assertEquals(0., a.startV(), EPS);
        assertEquals(1., a.axesR()[0], EPS);
        assertEquals(a.endTime(), end, EPS);
        assertEquals(List.of(end), printer.motionQueuing.activity);
    }

    @Test
    void batchModeWaitMovesFlushesWithoutYieldingToTimers() throws Exception {
        // Klipper's wait_moves breaks at once when it cannot pause: the motion flush
        // timer must not run (and push print time on) before the next command
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {10, 0, 0, 0}, 100);
        int pausesBefore = printer.reactor.pauses;
        th.waitMoves();
        assertEquals(1, appends().size());
        assertEquals(pausesBefore, printer.reactor.pauses);
    }

    @Test
    void shortMovePeaksAtTheMinimumCruiseRatioSpeed() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {1, 0, 0, 0}, 100);
        th.getLastMoveTime();
        Append a = appends().get(0);
        // minimum_cruise_ratio 0.5: cruise over half the distance, v^2 = d * accel * 0.5
        double v = Math.sqrt(1500.);
        assertEquals(v, a.cruiseV(), 1e-9);
        assertEquals(0.25 / (v / 2), a.accelT(), 1e-12);
        assertEquals(0.5 / v, a.cruiseT(), 1e-12);
        assertEquals(a.accelT(), a.decelT(), 1e-12);
    }

    @Test
    void squareCornerSlowsToSquareCornerVelocity() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {50, 0, 0, 0}, 100);
        th.move(new double[] {50, 50, 0, 0}, 100);
        th.getLastMoveTime();
        assertEquals(2, appends().size());
        Append first = appends().get(0);
        Append second = appends().get(1);
        assertEquals(5.0, second.startV(), 1e-9);
        // the first move decelerates from cruise to 5 mm/s
        double decelD = (first.cruiseV() * first.cruiseV() - 25.) / 6000.;
        assertEquals(decelD / ((5. + first.cruiseV()) / 2), first.decelT(), 1e-12);
        assertEquals(first.endTime(), second.printTime(), 1e-12);
    }

    @Test
    void straightContinuationKeepsFullSpeed() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {50, 0, 0, 0}, 100);
        th.move(new double[] {100, 0, 0, 0}, 100);
        th.getLastMoveTime();
        assertEquals(0., appends().get(0).decelT(), EPS);
        assertEquals(100., appends().get(1).startV(), EPS);
    }

    @Test
    void dwellAddsToPrintTime() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {10, 0, 0, 0}, 100);
        double end = th.getLastMoveTime();
        th.dwell(0.5);
        assertEquals(end + 0.5, th.getLastMoveTime(), EPS);
    }

    @Test
    void moveOutOfRangeNamesTheTarget() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        CommandError e = assertThrows(CommandError.class, () -> th.move(new double[] {0, 9999, 0, 0}, 100));
        assertEquals("Move out of range: 0.000 9999.000 0.000 [0.000]", e.getMessage());
        assertTrue(appends().isEmpty());
    }

    @Test
    void extrusionWithoutExtruderIsRefused() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        CommandError e = assertThrows(CommandError.class, () -> th.move(new double[] {0, 0, 0, 1}, 10));
        assertEquals("Extrude when no extruder present: 0.000 0.000 0.000 [1.000]", e.getMessage());
    }

    @Test
    void setPositionFlushesAndTellsKinematicsAndTrapq() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.setPosition(new double[] {1, 2, 3, 4}, "xy");
        assertEquals(List.of("xy"), kin.homedCalls);
        double[] p = printer.motionQueuing.trapq.positions.get(0);
        assertEquals(1., p[1], EPS);
        assertEquals(3., p[3], EPS);
        assertEquals(1, printer.motionQueuing.flushAll);
        assertTrue(printer.events.contains("toolhead:set_position"));
        assertEquals(List.of(1., 2., 3., 0.),
                List.of(th.getPosition()[0], th.getPosition()[1], th.getPosition()[2], th.getPosition()[3]));
    }

    @Test
    void statusReportsLimitsAndKinematics() throws Exception {
        ToolheadImpl th = toolhead(CFG + "square_corner_velocity: 8\nminimum_cruise_ratio: 0.25\n");
        th.setMaxVelocities(300., null, null, null);
        Map<String, Object> st = th.getStatus(0);
        assertEquals(300., st.get("max_velocity"));
        assertEquals(3000., st.get("max_accel"));
        assertEquals(8., st.get("square_corner_velocity"));
        assertEquals(0.25, st.get("minimum_cruise_ratio"));
        assertEquals("xyz", st.get("homed_axes"));
        assertEquals(List.of(0., 0., 0., 0.), st.get("position"));
        assertEquals(0, st.get("stalls"));
    }

    @Test
    void unknownKinematicsNamesTheBundle() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> toolhead("[printer]\nkinematics: hybrid_corexy\nmax_velocity: 5\nmax_accel: 5\n"));
        assertTrue(e.getMessage().contains("kinematics-hybrid-corexy"), e.getMessage());
    }

    @Test
    void maxAccelIsRequired() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> toolhead("[printer]\nkinematics: box\nmax_velocity: 5\n"));
        assertTrue(e.getMessage().contains("max_accel"), e.getMessage());
    }

    @Test
    void lookaheadCallbackGetsTheMoveEndTime() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        th.move(new double[] {10, 0, 0, 0}, 100);
        double[] got = new double[1];
        th.registerLookaheadCallback(t -> got[0] = t);
        double end = th.getLastMoveTime();
        assertEquals(end, got[0], EPS);
    }
}
