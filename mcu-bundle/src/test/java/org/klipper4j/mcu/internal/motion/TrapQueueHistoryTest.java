/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.TrapMove;

/** The history extract of a trapq that motion_report reads (Klipper's trapq_extract_old). */
class TrapQueueHistoryTest {

    @Test
    void onlyFinalizedMovingSegmentsAreExtractedNewestFirst() {
        TrapQueueImpl tq = new TrapQueueImpl();
        // accel .1 s from 0 to 100 mm/s, cruise .5 s, decel .1 s, along X from 10
        tq.append(2., .1, .5, .1, 10., 0., 0., 1., 0., 0., 0., 100., 1000.);
        assertTrue(tq.extractOld(0., 100., 10).isEmpty(), "moves whose steps are not generated are not history");

        tq.finalizeMoves(10., 0.);
        List<TrapMove> old = tq.extractOld(0., 100., 10);

        // the stationary filler before the move is not kept
        assertEquals(3, old.size());
        TrapMove decel = old.get(0);
        assertEquals(2.6, decel.printTime, 1e-12);
        assertEquals(-500., decel.halfAccel, 1e-9);
        assertEquals(100., decel.startV, 1e-9);
        assertEquals(10. + 5. + 50., decel.startX, 1e-9);
        TrapMove accel = old.get(2);
        assertEquals(2., accel.printTime, 1e-12);
        assertEquals(10., accel.startX, 1e-12);
        assertEquals(1., accel.axesRX, 1e-12);
    }

    @Test
    void theTimeWindowAndTheCountLimitTheExtract() {
        TrapQueueImpl tq = new TrapQueueImpl();
        tq.append(2., .1, .5, .1, 10., 0., 0., 1., 0., 0., 0., 100., 1000.);
        tq.finalizeMoves(10., 0.);

        // a window inside the cruise segment finds only that segment
        List<TrapMove> cruise = tq.extractOld(2.2, 2.3, 10);
        assertEquals(1, cruise.size());
        assertEquals(2.1, cruise.get(0).printTime, 1e-12);
        // the newest segment alone when one is asked for
        List<TrapMove> newest = tq.extractOld(0., 2.65, 1);
        assertEquals(1, newest.size());
        assertEquals(2.6, newest.get(0).printTime, 1e-12);
        // nothing after the last move ended
        assertTrue(tq.extractOld(2.7, 100., 10).isEmpty());
    }

    @Test
    void extractedMovesAreCopies() {
        TrapQueueImpl tq = new TrapQueueImpl();
        tq.append(2., 0., .5, 0., 0., 0., 0., 0., 1., 0., 20., 20., 0.);
        tq.finalizeMoves(10., 0.);
        tq.extractOld(0., 100., 1).get(0).startY = 99.;

        assertEquals(0., tq.extractOld(0., 100., 1).get(0).startY);
    }

    @Test
    void aPositionResetLeavesAMarkerAtItsTime() {
        TrapQueueImpl tq = new TrapQueueImpl();
        tq.append(2., 0., 1., 0., 0., 0., 0., 1., 0., 0., 10., 10., 0.);
        // homing stopped the move half way
        tq.setPosition(2.5, 5., 1., 2.);

        List<TrapMove> old = tq.extractOld(0., 100., 10);
        assertEquals(2, old.size());
        TrapMove marker = old.get(0);
        assertEquals(2.5, marker.printTime, 1e-12);
        assertEquals(0., marker.moveT);
        assertEquals(List.of(5., 1., 2.), List.of(marker.startX, marker.startY, marker.startZ));
        assertEquals(.5, old.get(1).moveT, 1e-12, "the interrupted move is cut at the reset");
    }
}
