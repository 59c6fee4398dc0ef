/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.TrapMove;

/** The prev/next links of trapq segments, which input shaping walks to read neighbouring moves. */
class TrapQueueLinksTest {

    private static void assertChain(List<TrapMove> moves) {
        assertNull(moves.get(0).prev, "head sentinel starts the chain");
        assertNull(moves.get(moves.size() - 1).next, "tail sentinel ends it");
        for (int i = 0; i + 1 < moves.size(); i++) {
            assertSame(moves.get(i + 1), moves.get(i).next);
            assertSame(moves.get(i), moves.get(i + 1).prev);
        }
    }

    @Test
    void appendedSegmentsAndGapFillersAreLinkedInTimeOrder() {
        TrapQueueImpl tq = new TrapQueueImpl();
        // accel + cruise + decel, then a second move after a gap
        tq.append(2., .1, .5, .1, 0., 0., 0., 1., 0., 0., 0., 100., 1000.);
        tq.append(3., .1, 0., .1, 60., 0., 0., 0., 1., 0., 0., 10., 100.);
        List<TrapMove> moves = tq.moves();
        // head, null move, 3 segments, gap filler, 2 segments, tail
        assertEquals(9, moves.size());
        assertChain(moves);
        assertEquals(1., moves.get(1).printTime, "the first gap filler is at most 1 s long");
    }

    @Test
    void finalizedSegmentsLeaveTheChain() {
        TrapQueueImpl tq = new TrapQueueImpl();
        tq.append(2., .1, .5, .1, 0., 0., 0., 1., 0., 0., 0., 100., 1000.);
        TrapMove accel = tq.moves().get(2);
        tq.finalizeMoves(2.2, 0.);
        List<TrapMove> moves = tq.moves();
        assertEquals(4, moves.size(), "head, cruise, decel, tail remain");
        assertChain(moves);
        assertNull(accel.prev);
        assertNull(accel.next);
    }
}
