/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.excludeobject.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.MoveTransform;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

class ExcludeObjectTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final FakeGCodeMove gcodeMove = new FakeGCodeMove();
    private ExcludeObject exclude;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("gcode_move", gcodeMove);
        toolhead.extruder = new NamedExtruder();
        printer.addObject("toolhead", toolhead);
        exclude = new ExcludeObject(FakeConfig.of(printer, "exclude_object"));
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    @Test
    void firstExclusionPutsTheTransformInFrontOfTheToolheadAndResetTakesItAway() {
        assertNull(gcodeMove.transform);
        gcode.run("EXCLUDE_OBJECT NAME=part_b");
        assertEquals(List.of("// Excluding object PART_B"), gcode.output);
        assertSame(exclude, gcodeMove.transform);
        gcode.run("EXCLUDE_OBJECT_DEFINE RESET=1");
        assertSame(toolhead, gcodeMove.transform);
        assertEquals(1, gcodeMove.resets);
        assertEquals(List.of(), exclude.getStatus(0.).get("excluded_objects"));
    }

    @Test
    void movesInsideAnExcludedObjectAreSkippedAndTheExtruderResumesWhereItWas() {
        gcode.run("EXCLUDE_OBJECT NAME=B");
        // five extrusion moves teach the transform the extruder's state; they all pass
        for (int i = 1; i <= 5; i++) {
            exclude.move(new double[] {i, 0., 0., i}, 10.);
        }
        gcode.run("EXCLUDE_OBJECT_START NAME=B");
        exclude.move(new double[] {10., 0., 0., 6.}, 10.);
        exclude.move(new double[] {12., 0., 0., 7.}, 10.);
        gcode.run("EXCLUDE_OBJECT_END NAME=B");
        exclude.move(new double[] {20., 5., 0., 7.}, 10.);
        assertEquals(6, toolhead.moves.size());
        // the 2 mm of E of the skipped moves are not extruded
        assertArrayEquals(new double[] {20., 5., 0., 5.}, toolhead.moves.get(5), 1e-12);
        // G-code keeps seeing its own E position
        assertArrayEquals(new double[] {20., 5., 0., 7.}, exclude.getPosition(), 1e-12);
    }

    @Test
    void exclusionWaitsForTheFirstExtrusionMoves() {
        gcode.run("EXCLUDE_OBJECT_START NAME=A");
        gcode.run("EXCLUDE_OBJECT CURRENT=1");
        exclude.move(new double[] {10., 0., 0., 1.}, 10.);
        assertEquals(1, toolhead.moves.size());
    }

    @Test
    void definitionsAreSortedAndListedAsKlipperDoes() {
        gcode.run("EXCLUDE_OBJECT_DEFINE NAME=b CENTER=10,20 POLYGON=[[1,2],[3.5,4]]");
        gcode.run("EXCLUDE_OBJECT_DEFINE NAME=a");
        gcode.run("EXCLUDE_OBJECT_DEFINE");
        gcode.run("EXCLUDE_OBJECT_DEFINE JSON=1");
        assertEquals(List.of("// Known objects: A B",
                "// Known objects: [{\"name\": \"A\"}, {\"name\": \"B\", \"center\": [10, 20],"
                        + " \"polygon\": [[1, 2], [3.5, 4]]}]"), gcode.output);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects = (List<Map<String, Object>>) exclude.getStatus(0.).get("objects");
        assertEquals(List.of(10L, 20L), objects.get(1).get("center"));
    }

    @Test
    void startingAnUndefinedObjectDefinesIt() {
        gcode.run("EXCLUDE_OBJECT_START NAME=x");
        Map<String, Object> status = exclude.getStatus(0.);
        assertEquals("X", status.get("current_object"));
        assertEquals(List.of(Map.of("name", "X")), status.get("objects"));
        gcode.run("EXCLUDE_OBJECT_END NAME=y");
        assertEquals(List.of("// EXCLUDE_OBJECT_END NAME=Y does not match the current object NAME=X"),
                gcode.output);
        assertNull(exclude.getStatus(0.).get("current_object"));
    }

    @Test
    void excludeListsUnexcludesAndReportsMissingCurrentObject() {
        gcode.run("EXCLUDE_OBJECT NAME=b");
        gcode.run("EXCLUDE_OBJECT NAME=a");
        gcode.run("EXCLUDE_OBJECT");
        gcode.run("EXCLUDE_OBJECT RESET=1 NAME=b");
        gcode.run("EXCLUDE_OBJECT");
        gcode.run("EXCLUDE_OBJECT CURRENT=1");
        gcode.run("EXCLUDE_OBJECT_END");
        assertEquals(List.of("// Excluding object B", "// Excluding object A", "// Excluded objects: A B",
                "// Unexcluding object B", "// Excluded objects: A", "!! There is no current object to cancel",
                "// EXCLUDE_OBJECT_END called, but no object is currently active"), gcode.output);
    }

    /** Records the transform gcode_move sends moves to. */
    private final class FakeGCodeMove implements GCodeMoveState {
        MoveTransform transform;
        int resets;

        @Override
        public MoveTransform setMoveTransform(MoveTransform newTransform, boolean force) {
            MoveTransform old = transform == null ? toolhead : transform;
            transform = newTransform;
            return old;
        }

        @Override
        public void resetLastPosition() {
            resets++;
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

    /** An extruder that only has a name: the transform asks for it, nothing else. */
    private static final class NamedExtruder implements ExtraAxis {
        @Override
        public String getName() {
            return "extruder";
        }

        @Override
        public double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex) {
            return 0.;
        }

        @Override
        public void checkMove(ToolheadMove move, int eIndex) {
        }

        @Override
        public void processMove(double printTime, ToolheadMove move, int eIndex) {
        }
    }
}
