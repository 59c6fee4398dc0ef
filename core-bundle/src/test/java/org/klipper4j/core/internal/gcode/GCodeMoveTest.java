/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.motion.MoveTransform;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GCodeMoveTest {
    private static final double EPS = 1e-9;
    private FakePrinter printer;
    private GCodeDispatcher gcode;
    private GCodeMove gcodeMove;
    private FakeToolhead toolhead;
    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new GCodeDispatcher(printer);
        printer.addObject("gcode", gcode);
        toolhead = new FakeToolhead();
        printer.addObject("toolhead", toolhead);
        gcodeMove = new GCodeMove(printer);
        printer.addObject("gcode_move", gcodeMove);
        gcode.registerOutputHandler(out::add);
    }

    private void ready() {
        printer.becomeReady();
        out.clear();
    }

    private void input(String... lines) {
        printer.runOnReactor(() -> gcode.processInput(List.of(lines), ack -> { }));
    }

    private static void assertPosition(double[] expected, Object actual) {
        @SuppressWarnings("unchecked")
        List<Double> list = (List<Double>) actual;
        assertEquals(expected.length, list.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], list.get(i), EPS, "axis " + i + " of " + list);
        }
    }

    /** An extra axis that G1 addresses by {@code letter}. */
    private static org.klipper4j.core.api.motion.ExtraAxis axis(String letter) {
        return new org.klipper4j.core.api.motion.ExtraAxis() {
            @Override
            public String getName() {
                return "axis " + letter;
            }

            @Override
            public String getAxisGcodeId() {
                return letter;
            }

            @Override
            public double calcJunction(org.klipper4j.core.api.motion.ToolheadMove prev,
                    org.klipper4j.core.api.motion.ToolheadMove move, int eIndex) {
                return 0.;
            }

            @Override
            public void checkMove(org.klipper4j.core.api.motion.ToolheadMove move, int eIndex) {
            }

            @Override
            public void processMove(double printTime, org.klipper4j.core.api.motion.ToolheadMove move, int eIndex) {
            }
        };
    }

    @Test
    void extraAxesRegisteredWithTheToolheadAreMovedByTheirLetter() {
        ready();
        toolhead.extraAxes = List.of(axis(null), axis("A"));
        toolhead.position = new double[] {0., 0., 0., 0., 7.};
        printer.sendEvent(org.klipper4j.core.api.motion.Toolhead.UPDATE_EXTRA_AXES_EVENT);
        input("G1 A10 X2", "G91", "G1 A1", "G90");
        assertArrayEquals(new double[] {2., 0., 0., 0., 10.}, toolhead.moves.get(0), EPS);
        assertArrayEquals(new double[] {2., 0., 0., 0., 11.}, toolhead.moves.get(1), EPS);
        // unregistered: the letter means nothing again
        toolhead.extraAxes = List.of(axis(null));
        toolhead.position = new double[] {2., 0., 0., 0.};
        printer.sendEvent(org.klipper4j.core.api.motion.Toolhead.UPDATE_EXTRA_AXES_EVENT);
        input("G1 A5 X3");
        assertArrayEquals(new double[] {3., 0., 0., 0.}, toolhead.moves.get(2), EPS);
    }

    @Test
    void movesFollowAbsoluteRelativeOffsetsAndFactors() {
        ready();
        input("G1 X10 Y20 F3000", "G91", "G1 X5 E1", "G90", "G92 X0 E0", "G1 X1 E2", "M114");
        assertArrayEquals(new double[] {10, 20, 0, 0}, toolhead.moves.get(0), EPS);
        assertEquals(50.0, toolhead.speeds.get(0), EPS);
        assertArrayEquals(new double[] {15, 20, 0, 1}, toolhead.moves.get(1), EPS);
        assertArrayEquals(new double[] {16, 20, 0, 3}, toolhead.moves.get(2), EPS);
        assertEquals(List.of("X:1.000 Y:20.000 Z:0.000 E:2.000"), out);

        input("M221 S50", "M83", "G1 E4", "M220 S200", "G1 X2");
        assertArrayEquals(new double[] {16, 20, 0, 5}, toolhead.moves.get(3), EPS);
        assertArrayEquals(new double[] {17, 20, 0, 5}, toolhead.moves.get(4), EPS);
        assertEquals(100.0, toolhead.speeds.get(4), EPS);

        Map<String, Object> status = gcodeMove.getStatus(0);
        assertEquals(2.0, (Double) status.get("speed_factor"), EPS);
        assertEquals(3000.0, (Double) status.get("speed"), EPS);
        assertEquals(0.5, (Double) status.get("extrude_factor"), EPS);
        assertEquals(true, status.get("absolute_coordinates"));
        assertEquals(false, status.get("absolute_extrude"));
        assertPosition(new double[] {0, 0, 0, 0}, status.get("homing_origin"));
        assertPosition(new double[] {17, 20, 0, 5}, status.get("position"));
        assertPosition(new double[] {2, 20, 0, 6}, status.get("gcode_position"));
        assertEquals(List.of("speed_factor", "speed", "extrude_factor", "absolute_coordinates", "absolute_extrude",
                "homing_origin", "position", "gcode_position"), List.copyOf(status.keySet()));
    }

    @Test
    void gcodeOffsetAndSavedStates() {
        ready();
        input("G1 X10 Y10 Z5 F600", "SET_GCODE_OFFSET Z=0.2 MOVE=1", "SET_GCODE_OFFSET Z_ADJUST=-0.05");
        assertArrayEquals(new double[] {10, 10, 5.2, 0}, toolhead.moves.get(1), EPS);
        assertEquals(10.0, toolhead.speeds.get(1), EPS);
        assertEquals(2, toolhead.moves.size());
        assertArrayEquals(new double[] {10, 10, 5.05, 0}, gcodeMove.getGCodePosition(), EPS);
        assertPosition(new double[] {0, 0, 0.15, 0}, gcodeMove.getStatus(0).get("homing_origin"));

        input("SAVE_GCODE_STATE NAME=s1", "G91", "G1 X5 E3", "RESTORE_GCODE_STATE NAME=s1 MOVE=1 MOVE_SPEED=20");
        assertArrayEquals(new double[] {15, 10, 5.2, 3}, toolhead.moves.get(2), EPS);
        assertArrayEquals(new double[] {10, 10, 5.2, 3}, toolhead.moves.get(3), EPS);
        assertEquals(20.0, toolhead.speeds.get(3), EPS);
        assertArrayEquals(new double[] {10, 10, 5.05, 0}, gcodeMove.getGCodePosition(), EPS);
        assertEquals(true, gcodeMove.getStatus(0).get("absolute_coordinates"));
    }

    @Test
    void badMovesAreReportedWithKlipperWording() {
        ready();
        input("G1 X3", "RESTORE_GCODE_STATE NAME=nope", "G20", "G1 X1 F0", "G1 X1.2.3", "M114", "G21");
        assertEquals(List.of("!! Unknown g-code state: nope", "!! Machine does not support G20 (inches) command",
                "!! Invalid speed in 'G1 X1 F0'", "!! Unable to parse move 'G1 X1.2.3'",
                "X:3.000 Y:0.000 Z:0.000 E:0.000"), out);
    }

    @Test
    void moveTransformSitsBetweenGcodeAndToolhead() {
        List<double[]> seen = new ArrayList<>();
        MoveTransform shift = new MoveTransform() {
            @Override
            public double[] getPosition() {
                double[] p = toolhead.getPosition();
                p[2] -= 1;
                return p;
            }

            @Override
            public void move(double[] newpos, double speed) {
                seen.add(newpos.clone());
                double[] p = newpos.clone();
                p[2] += 1;
                toolhead.move(p, speed);
            }
        };
        assertSame(toolhead, gcodeMove.setMoveTransform(shift, false));
        assertEquals("G-Code move transform already specified",
                assertThrows(ConfigException.class, () -> gcodeMove.setMoveTransform(shift, false)).getMessage());
        ready();
        input("G1 Z2");
        assertArrayEquals(new double[] {0, 0, 2, 0}, seen.get(0), EPS);
        assertArrayEquals(new double[] {0, 0, 3, 0}, toolhead.moves.get(0), EPS);
        assertArrayEquals(new double[] {0, 0, 2, 0}, gcodeMove.getLastPosition(), EPS);
    }

    @Test
    void positionIsReReadAfterHomingAndExtruderChange() {
        ready();
        input("SET_GCODE_OFFSET X=2", "G1 X5 E7");
        toolhead.position = new double[] {0, 0, 0, 7};
        gcodeMove.handleHomed(0);
        // After homing X the G-code origin of X is its homing offset again.
        assertArrayEquals(new double[] {-2, 0, 0, 7}, gcodeMove.getGCodePosition(), EPS);
        gcodeMove.handleActivateExtruder();
        assertArrayEquals(new double[] {-2, 0, 0, 0}, gcodeMove.getGCodePosition(), EPS);
    }

    @Test
    void getPositionShowsToolheadAndGcodeState() {
        ready();
        input("G1 X1.5 Y2", "GET_POSITION");
        assertEquals("// toolhead: X:1.500000 Y:2.000000 Z:0.000000 E:0.000000\n"
                + "// gcode: X:1.500000 Y:2.000000 Z:0.000000 E:0.000000\n"
                + "// gcode base: X:0.000000 Y:0.000000 Z:0.000000 E:0.000000\n"
                + "// gcode homing: X:0.000000 Y:0.000000 Z:0.000000", out.get(0));
    }

    @Test
    void movesWaitForReadyButM114DoesNot() {
        input("G1 X1", "M114");
        assertEquals(List.of("!! Printer is not ready", "X:0.000 Y:0.000 Z:0.000 E:0.000"), out);
    }
}
