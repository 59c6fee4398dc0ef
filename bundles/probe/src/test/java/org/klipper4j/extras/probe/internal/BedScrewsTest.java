/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class BedScrewsTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final MovesToolhead toolhead = new MovesToolhead();
    private BedScrews screws;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        screws = new BedScrews(FakeConfig.of(printer, "bed_screws", "screw1", "100,50", "screw1_name", "front",
                "screw1_fine_adjust", "105,55", "screw2", "75,75", "screw2_fine_adjust", "80,80", "screw3", "20,30",
                "screw3_fine_adjust", "25,35"));
    }

    private String lastMove() {
        return toolhead.moves.get(toolhead.moves.size() - 1).toString();
    }

    @Test
    void adjustGoesUpOverAndDownToTheFirstScrew() {
        assertNull(gcode.run("BED_SCREWS_ADJUST"));
        assertEquals(List.of("[0.0, 0.0, 5.0, 0.0]@50.0", "[0.0, 0.0, 5.0, 0.0]@5.0", "[100.0, 50.0, 5.0, 0.0]@50.0",
                "[100.0, 50.0, 0.0, 0.0]@5.0"), toolhead.moves.stream().map(Object::toString).toList());
        assertTrue(gcode.output.contains("// Adjust front. Then run ACCEPT, ADJUSTED, or ABORT"), gcode.output.toString());
        assertEquals(true, screws.getStatus(0).get("is_active"));
    }

    @Test
    void acceptingEveryScrewThenTheFineOnesCompletes() {
        gcode.run("BED_SCREWS_ADJUST");
        gcode.run("ACCEPT");
        assertTrue(gcode.output.contains("// Adjust screw at 75.000,75.000. Then run ACCEPT, ADJUSTED, or ABORT"));
        gcode.run("ACCEPT");
        gcode.run("ACCEPT");
        assertEquals("fine", screws.getStatus(0).get("state"));
        assertEquals("[105.0, 55.0, 0.0, 0.0]@5.0", lastMove());
        gcode.run("ACCEPT");
        gcode.run("ACCEPT");
        assertEquals("[25.0, 35.0, 0.0, 0.0]@5.0", lastMove());
        gcode.run("ACCEPT");
        assertTrue(gcode.output.contains("// Bed screws tool completed successfully"));
        assertEquals(false, screws.getStatus(0).get("is_active"));
        assertFalse(gcode.isRegistered("ACCEPT"));
    }

    @Test
    void adjustedStartsTheCoarseRoundAgain() {
        gcode.run("BED_SCREWS_ADJUST");
        gcode.run("ADJUSTED");
        gcode.run("ACCEPT");
        gcode.run("ACCEPT");
        // the round with an adjustment does not count: back to the first screw
        assertEquals("adjust", screws.getStatus(0).get("state"));
        assertEquals(0, screws.getStatus(0).get("current_screw"));
        assertEquals("[100.0, 50.0, 0.0, 0.0]@5.0", lastMove());
    }

    @Test
    void abortEndsTheToolAndAStartedToolRefusesASecondStart() {
        gcode.run("BED_SCREWS_ADJUST");
        assertEquals("Already in bed_screws helper; use ABORT to exit", gcode.run("BED_SCREWS_ADJUST"));
        gcode.run("ABORT");
        assertEquals(false, screws.getStatus(0).get("is_active"));
        assertFalse(gcode.isRegistered("ABORT"));
    }

    @Test
    void fewerThanThreeScrewsIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new BedScrews(FakeConfig.of(printer,
                "bed_screws", "screw1", "1,1", "screw2", "2,2")));
        assertEquals("bed_screws: Must have at least three screws", e.getMessage());
    }
}
