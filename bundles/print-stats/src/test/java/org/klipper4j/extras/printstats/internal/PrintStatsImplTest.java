/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeReactor;

class PrintStatsImplTest {
    private static final double EPS = 1e-9;

    private FakePrinter printer;
    private FakeReactor reactor;
    private FakeGCode gcode;
    private PrintStatsImpl stats;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        reactor = printer.reactor();
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
        stats = (PrintStatsImpl) new PrintStatsModule().load(new FakeConfig(printer, "print_stats", Map.of()));
    }

    private Map<String, Object> status() {
        return stats.getStatus(reactor.monotonic());
    }

    private double num(String field) {
        return ((Number) status().get(field)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> info() {
        return (Map<String, Object>) status().get("info");
    }

    @Test
    void startsInStandbyWithEmptyStatus() {
        Map<String, Object> s = status();
        assertEquals(List.of("filename", "total_duration", "print_duration", "filament_used", "state", "message",
                "info"), List.copyOf(s.keySet()));
        assertEquals("standby", s.get("state"));
        assertEquals("", s.get("filename"));
        assertEquals("", s.get("message"));
        assertEquals(0.0, num("total_duration"), EPS);
        assertEquals(0.0, num("print_duration"), EPS);
        assertEquals(0.0, num("filament_used"), EPS);
        assertNull(info().get("total_layer"));
        assertNull(info().get("current_layer"));
    }

    @Test
    void pausesAreLeftOutOfPrintDurationWithoutGCodeMove() {
        stats.setCurrentFile("part.gcode");
        stats.noteStart();
        assertEquals("printing", stats.getState());
        assertEquals(List.of("print_stats:start_printing"), printer.events);
        reactor.advance(10);
        stats.notePause();
        assertEquals("paused", status().get("state"));
        reactor.advance(5);
        assertEquals(15.0, num("total_duration"), EPS);
        assertEquals(10.0, num("print_duration"), EPS);
        stats.noteStart();
        reactor.advance(3);
        stats.noteComplete();
        reactor.advance(100); // a finished job's durations stay put
        assertEquals("complete", status().get("state"));
        assertEquals("part.gcode", status().get("filename"));
        assertEquals(18.0, num("total_duration"), EPS);
        assertEquals(13.0, num("print_duration"), EPS);
        assertEquals(List.of("print_stats:start_printing", "print_stats:paused_printing",
                "print_stats:start_printing", "print_stats:complete_printing"), printer.events);
    }

    @Test
    void filamentAndPrintDurationFollowGCodeMovePositions() {
        FakeGCodeMove move = new FakeGCodeMove();
        printer.addObject("gcode_move", move);
        move.e = 0.0;
        stats.setCurrentFile("part.gcode");
        stats.noteStart();
        reactor.advance(2); // heating: nothing extruded yet
        assertEquals(0.0, num("print_duration"), EPS);
        assertEquals(2.0, num("total_duration"), EPS);
        move.e = 5.0;
        reactor.advance(3);
        // 5 mm used; printing counted from the last time nothing had been extruded (t=2)
        assertEquals(5.0, num("filament_used"), EPS);
        assertEquals(3.0, num("print_duration"), EPS);
        stats.notePause();
        move.e = 3.0; // retract while paused does not count
        reactor.advance(4);
        assertEquals(5.0, num("filament_used"), EPS);
        stats.noteStart();
        move.e = 7.0;
        move.extrudeFactor = 2.0; // 4 mm of E at 200% flow is 2 mm of filament
        reactor.advance(1);
        assertEquals(7.0, num("filament_used"), EPS);
        assertEquals(10.0, num("total_duration"), EPS);
        assertEquals(4.0, num("print_duration"), EPS); // 10 total - 2 before extrusion - 4 paused
    }

    @Test
    void printWithoutExtrusionHasNoPrintDurationWhenGCodeMoveExists() {
        printer.addObject("gcode_move", new FakeGCodeMove());
        stats.setCurrentFile("travel.gcode");
        stats.noteStart();
        reactor.advance(6);
        stats.noteComplete();
        assertEquals(6.0, num("total_duration"), EPS);
        assertEquals(0.0, num("print_duration"), EPS);
    }

    @Test
    void errorKeepsItsStateAndMessageThroughPause() {
        stats.setCurrentFile("a.gcode");
        stats.noteStart();
        stats.noteError("Move out of range: 300.000 0.000 0.000 [0.000]");
        assertEquals("error", stats.getState());
        stats.notePause();
        assertEquals("error", status().get("state"));
        assertEquals("Move out of range: 300.000 0.000 0.000 [0.000]", status().get("message"));
        stats.noteStart();
        assertEquals("printing", stats.getState());
        assertEquals("", status().get("message"));
    }

    @Test
    void cancelFinishesTheJob() {
        stats.setCurrentFile("a.gcode");
        stats.noteStart();
        reactor.advance(2);
        stats.noteCancel();
        assertEquals("cancelled", stats.getState());
        assertTrue(printer.events.contains("print_stats:cancelled_printing"));
        assertEquals(2.0, num("total_duration"), EPS);
    }

    @Test
    void finishingWithoutAStartChangesNothing() {
        stats.noteComplete();
        assertEquals("standby", stats.getState());
        stats.noteError("x");
        assertEquals("standby", stats.getState());
        assertEquals("", status().get("message"));
    }

    @Test
    void resetGoesBackToStandby() {
        stats.setCurrentFile("a.gcode");
        stats.noteStart();
        reactor.advance(4);
        gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=5");
        stats.reset();
        assertEquals("standby", status().get("state"));
        assertEquals("", status().get("filename"));
        assertEquals(0.0, num("total_duration"), EPS);
        assertNull(info().get("total_layer"));
    }

    @Test
    void setPrintStatsInfoFollowsKlipperRules() {
        assertNull(gcode.run("SET_PRINT_STATS_INFO CURRENT_LAYER=4"));
        assertNull(info().get("current_layer"), "no current layer without a total");
        gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=10");
        assertEquals(10, info().get("total_layer"));
        assertEquals(0, info().get("current_layer"));
        gcode.run("SET_PRINT_STATS_INFO CURRENT_LAYER=3");
        assertEquals(3, info().get("current_layer"));
        gcode.run("SET_PRINT_STATS_INFO CURRENT_LAYER=50");
        assertEquals(10, info().get("current_layer"), "clamped to the total");
        gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=6");
        assertEquals(6, info().get("total_layer"));
        assertEquals(6, info().get("current_layer"), "the kept current layer is clamped to the new total");
        gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=20 CURRENT_LAYER=2");
        assertEquals(20, info().get("total_layer"));
        assertEquals(2, info().get("current_layer"));
        gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=0");
        assertNull(info().get("total_layer"));
        assertNull(info().get("current_layer"));
    }

    @Test
    void setPrintStatsInfoRejectsNegativeLayers() {
        String error = gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=-1");
        assertEquals("Error on 'SET_PRINT_STATS_INFO TOTAL_LAYER=-1': TOTAL_LAYER must have minimum of 0", error);
        assertTrue(gcode.getCommandHelp().containsKey("SET_PRINT_STATS_INFO"));
    }

    @Test
    void newFileClearsLayerInfo() {
        gcode.run("SET_PRINT_STATS_INFO TOTAL_LAYER=10 CURRENT_LAYER=2");
        stats.setCurrentFile("next.gcode");
        assertNull(info().get("total_layer"));
        assertEquals("next.gcode", stats.getFilename());
    }
}
