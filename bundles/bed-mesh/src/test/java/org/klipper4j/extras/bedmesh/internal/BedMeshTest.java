/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.MoveTransform;
import org.klipper4j.extras.probe.api.Probe;
import org.klipper4j.extras.probe.api.ProbeParams;
import org.klipper4j.extras.probe.api.ProbeSession;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeConfigFile;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

/** BED_MESH_* commands end to end with a probe whose bed rises 0.5 mm per 100 mm of X. */
class BedMeshTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final FakeGCodeMove gcodeMove = new FakeGCodeMove();
    private final FakeConfigFile configFile = new FakeConfigFile();
    private final List<double[]> probedAt = new ArrayList<>();
    private BedMesh bedMesh;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("gcode_move", gcodeMove);
        printer.addObject("toolhead", toolhead);
        printer.addObject("configfile", configFile);
        printer.addObject("probe", new SlopedBedProbe());
        bedMesh = new BedMesh(FakeConfig.of(printer, "bed_mesh", "mesh_min", "0,0", "mesh_max", "100,100",
                "probe_count", "3,3", "mesh_pps", "0", "split_delta_z", "0.02"));
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    @Test
    void calibrateProbesInZigZagAndActivatesTheMesh() {
        assertSame(bedMesh, gcodeMove.transform);
        assertNull(gcode.run("BED_MESH_CALIBRATE"));
        assertEquals(9, probedAt.size());
        assertArrayEquals(new double[] {100, 50}, probedAt.get(3), 1e-9);
        assertTrue(gcode.output.contains("// Mesh Bed Leveling Complete"), gcode.output.toString());
        Map<String, Object> status = bedMesh.getStatus(0);
        assertEquals("default", status.get("profile_name"));
        assertEquals(List.of(List.of(0., .25, .5), List.of(0., .25, .5), List.of(0., .25, .5)),
                status.get("probed_matrix"));
        assertEquals(List.of(0., 0.), status.get("mesh_min"));
        assertTrue(((Map<?, ?>) status.get("profiles")).containsKey("default"));
        assertEquals("\n  0.000000, 0.250000, 0.500000\n  0.000000, 0.250000, 0.500000"
                + "\n  0.000000, 0.250000, 0.500000", configFile.staged.get("bed_mesh default/points"));
        assertEquals("1", configFile.staged.get("bed_mesh default/version"));
    }

    @Test
    void movesGetTheMeshHeightAddedAndPositionTakesItOff() {
        gcode.run("BED_MESH_CALIBRATE");
        toolhead.position = new double[] {20, 0, 1.1, 0};
        // toolhead Z 1.1 at x=20 (mesh 0.1) is G-code Z 1.0
        assertArrayEquals(new double[] {20, 0, 1., 0}, bedMesh.getPosition(), 1e-9);
        toolhead.moves.clear();
        bedMesh.move(new double[] {30, 0, 1., 0}, 100.);
        // 10 mm at 0.005 mm/mm: the check at 5 mm sees 0.025 >= split_delta_z 0.02 and splits there
        assertEquals(2, toolhead.moves.size());
        assertArrayEquals(new double[] {25, 0, 1.125, 0}, toolhead.moves.get(0), 1e-9);
        assertArrayEquals(new double[] {30, 0, 1.15, 0}, toolhead.moves.get(1), 1e-9);
    }

    @Test
    void clearLoadAndUnknownProfile() {
        assertNull(gcode.run("BED_MESH_OUTPUT"));
        assertEquals("// Bed has not been probed", gcode.output.get(gcode.output.size() - 1));
        gcode.run("BED_MESH_CALIBRATE");
        gcode.run("BED_MESH_CLEAR");
        assertEquals("", bedMesh.getStatus(0).get("profile_name"));
        toolhead.moves.clear();
        bedMesh.getPosition();
        bedMesh.move(new double[] {50, 0, 1, 0}, 10.);
        assertArrayEquals(new double[] {50, 0, 1, 0}, toolhead.moves.get(0), 1e-9);
        assertNull(gcode.run("BED_MESH_PROFILE LOAD=default"));
        assertEquals("default", bedMesh.getStatus(0).get("profile_name"));
        assertEquals("bed_mesh: Unknown profile [nope]", gcode.run("BED_MESH_PROFILE LOAD=nope"));
        gcode.run("BED_MESH_PROFILE REMOVE=default");
        assertTrue(((Map<?, ?>) bedMesh.getStatus(0).get("profiles")).isEmpty());
    }

    @Test
    void outputListsProbedAndMeshPoints() {
        gcode.run("BED_MESH_CALIBRATE");
        gcode.output.clear();
        gcode.run("BED_MESH_OUTPUT");
        String text = String.join("\n", gcode.output);
        assertTrue(text.contains("// Mesh Leveling Probed Z positions:"), text);
        assertTrue(text.contains("Mesh X,Y: 3,3\nSearch Height: 5\nMesh Offsets: X=0.0000, Y=0.0000\n"
                + "Mesh Average: 0.25\nMesh Range: min=0.0000 max=0.5000\nInterpolation Algorithm: direct\n"), text);
    }

    /**
     * fade_start 1, fade_end 10 with the mesh average 0.25 as fade target: at Z 5.5 the factor is
     * (10 - 5.5) / 9 = 0.5, so x = 20 (mesh 0.1) gets 0.5 * (0.1 - 0.25) + 0.25 = 0.175; from Z 10 on
     * only the fade target is added.
     */
    @Test
    void fadeBlendsTheMeshIntoTheFadeTarget() {
        FakePrinter p2 = new FakePrinter();
        FakeGCode g2 = new FakeGCode();
        p2.addObject("gcode", g2);
        p2.addObject("gcode_move", gcodeMove);
        p2.addObject("toolhead", toolhead);
        p2.addObject("probe", new SlopedBedProbe());
        gcodeMove.transform = null;
        BedMesh faded = new BedMesh(FakeConfig.of(p2, "bed_mesh", "mesh_min", "0,0", "mesh_max", "100,100",
                "probe_count", "3,3", "mesh_pps", "0", "fade_start", "1", "fade_end", "10"));
        p2.sendEvent(PrinterEvents.CONNECT);
        assertNull(g2.run("BED_MESH_CALIBRATE"));
        assertEquals(.5, faded.zFactor(5.5), 1e-12);
        toolhead.position = new double[] {20, 0, 5.675, 0};
        assertArrayEquals(new double[] {20, 0, 5.5, 0}, faded.getPosition(), 1e-9);
        toolhead.moves.clear();
        faded.move(new double[] {20, 0, 5.5, 0}, 10.);
        assertArrayEquals(new double[] {20, 0, 5.675, 0}, toolhead.moves.get(0), 1e-9);
        faded.move(new double[] {20, 0, 10, 0}, 10.);
        assertArrayEquals(new double[] {20, 0, 10.25, 0}, toolhead.moves.get(1), 1e-9);
    }

    @Test
    void adaptiveMeshCoversTheObjectsWithTheMarginAndIsNotSaved() {
        printer.addObject("exclude_object", (org.klipper4j.core.api.StatusProvider) t -> Map.of("objects",
                List.of(Map.of("name", "A", "polygon", List.of(List.of(40., 40.), List.of(60., 60.))))));
        assertNull(gcode.run("BED_MESH_CALIBRATE ADAPTIVE=1 ADAPTIVE_MARGIN=5"));
        // (35, 35) to (65, 65): 30 / 100 of the mesh, ceil(3 * 0.3) = 1 raised to the minimum of 3
        assertTrue(gcode.output.contains("// Adapted mesh bounds: ([35.0, 35.0],[65.0, 65.0])"), gcode.output.toString());
        assertTrue(gcode.output.contains("// Adapted probe count: (3,3)"));
        assertArrayEquals(new double[] {35, 35}, probedAt.get(0), 1e-9);
        assertArrayEquals(new double[] {65, 65}, probedAt.get(8), 1e-9);
        Map<String, Object> status = bedMesh.getStatus(0);
        assertEquals(List.of(35., 35.), status.get("mesh_min"));
        assertTrue(((String) status.get("profile_name")).startsWith("adaptive-"));
        assertTrue(((Map<?, ?>) status.get("profiles")).isEmpty());
    }

    /** A probe over a bed at z = x / 200, with z_offset 1.15 added as a real probe reports it. */
    private final class SlopedBedProbe implements Probe {
        @Override
        public ProbeParams getProbeParams(GCodeCommand gcmd) {
            return new ProbeParams(5., 5., 1, 2., .1, 0, "average");
        }

        @Override
        public double[] getOffsets() {
            return new double[] {0., 0., 1.15};
        }

        @Override
        public ProbeSession startProbeSession(GCodeCommand gcmd) {
            List<double[]> results = new ArrayList<>();
            return new ProbeSession() {
                @Override
                public void runProbe(GCodeCommand g) {
                    double[] p = toolhead.getPosition();
                    probedAt.add(new double[] {p[0], p[1]});
                    results.add(new double[] {p[0], p[1], 1.15 + p[0] / 200});
                }

                @Override
                public List<double[]> pullProbedResults() {
                    List<double[]> r = new ArrayList<>(results);
                    results.clear();
                    return r;
                }

                @Override
                public void endProbeSession() {
                }
            };
        }
    }

    private final class FakeGCodeMove implements GCodeMoveState {
        MoveTransform transform;

        @Override
        public MoveTransform setMoveTransform(MoveTransform newTransform, boolean force) {
            MoveTransform old = transform == null ? toolhead : transform;
            transform = newTransform;
            return old;
        }

        @Override
        public void resetLastPosition() {
            if (transform != null) {
                transform.getPosition();
            }
        }

        @Override
        public double[] getLastPosition() {
            return new double[4];
        }

        @Override
        public double[] getGCodePosition() {
            return new double[4];
        }

        @Override
        public void handleHomed(int... axes) {
        }

        @Override
        public void handleActivateExtruder() {
        }
    }
}
