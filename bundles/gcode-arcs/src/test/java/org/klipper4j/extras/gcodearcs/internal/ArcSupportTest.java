/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodearcs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class ArcSupportTest {
    private static final double COS30 = Math.sqrt(3.0) / 2.0;

    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final Map<String, Object> moveState = new HashMap<>();

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("gcode_move", (StatusProvider) t -> Map.copyOf(moveState));
        moveState.put("absolute_coordinates", true);
        moveState.put("absolute_extrude", true);
        moveState.put("gcode_position", List.of(10.0, 0.0, 2.0, 4.0));
        new GcodeArcsModule().load(FakeConfig.of(printer, "gcode_arcs", "resolution", "5"));
    }

    /** The G1 lines the arc produced, as maps of parameter to value. */
    private List<Map<String, Double>> moves() {
        return gcode.executed.stream().filter(l -> l.startsWith("G1 ")).map(l -> {
            Map<String, Double> params = new HashMap<>();
            for (String word : l.substring(3).trim().split("\\s+")) {
                params.put(word.substring(0, 1), Double.parseDouble(word.substring(1)));
            }
            return params;
        }).collect(Collectors.toList());
    }

    private static void assertMove(List<Map<String, Double>> moves, int i, double x, double y, double z) {
        assertEquals(x, moves.get(i).get("X"), 1e-9, "X of move " + i);
        assertEquals(y, moves.get(i).get("Y"), 1e-9, "Y of move " + i);
        assertEquals(z, moves.get(i).get("Z"), 1e-9, "Z of move " + i);
    }

    @Test
    void g3QuarterCircleBecomesThreeG1MovesWithSpeedAndExtrusionShared() {
        assertEquals(null, gcode.run("G3 X0 Y10 I-10 J0 E7 F1200"));

        List<Map<String, Double>> moves = moves();
        assertEquals(3, moves.size());
        assertMove(moves, 0, 10 * COS30, 5, 2);
        assertMove(moves, 1, 5, 10 * COS30, 2);
        assertMove(moves, 2, 0, 10, 2);
        // absolute E from 4 to 7 in three equal steps
        assertEquals(5.0, moves.get(0).get("E"), 1e-12);
        assertEquals(6.0, moves.get(1).get("E"), 1e-12);
        assertEquals(7.0, moves.get(2).get("E"), 1e-12);
        assertEquals(1200.0, moves.get(2).get("F"));
    }

    @Test
    void relativeExtrusionIsSplitPerSegment() {
        moveState.put("absolute_extrude", false);
        gcode.run("G3 X0 Y10 I-10 E3");

        List<Map<String, Double>> moves = moves();
        assertEquals(3, moves.size());
        for (Map<String, Double> move : moves) {
            assertEquals(1.0, move.get("E"), 1e-12);
        }
    }

    @Test
    void g18SelectsTheXzPlaneWithIAndK() {
        moveState.put("gcode_position", List.of(10.0, 0.0, 0.0, 0.0));
        gcode.run("G18");
        gcode.run("G3 X0 Z10 I-10 K0");

        List<Map<String, Double>> moves = moves();
        assertEquals(3, moves.size());
        assertMove(moves, 0, 10 * COS30, 0, 5);
        assertMove(moves, 2, 0, 0, 10);
        assertTrue(moves.get(0).get("E") == null, "no E without an E parameter");
    }

    @Test
    void badInputIsRefusedWithKlippersMessages() {
        assertTrue(gcode.run("G2 X0 Y10 R10").endsWith("G2/G3 does not support R moves"));
        assertTrue(gcode.run("G2 X0 Y10").endsWith("G2/G3 requires IJ, IK or JK parameters"));
        gcode.run("G19");
        assertTrue(gcode.run("G2 X0 Y10 I5").endsWith("G2/G3 requires IJ, IK or JK parameters"));
        moveState.put("absolute_coordinates", false);
        assertTrue(gcode.run("G2 X0 Y10 I5 J5").endsWith("G2/G3 does not support relative move mode"));
        assertEquals(List.of(), moves());
    }
}
