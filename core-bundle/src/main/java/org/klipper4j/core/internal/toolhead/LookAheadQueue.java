/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.ArrayList;
import java.util.List;

/**
 * Pending moves and the look-ahead over them (Klipper's LookAheadQueue): a
 * backward pass finds how fast each move may start assuming a stop after the
 * last one, a forward pass settles cruise speeds, and only moves whose speeds
 * can no longer change are released.
 */
final class LookAheadQueue {
    static final double LOOKAHEAD_FLUSH_TIME = 0.150;

    private final ArrayList<ToolheadMoveImpl> queue = new ArrayList<>();
    private double junctionFlush = LOOKAHEAD_FLUSH_TIME;

    void reset() {
        queue.clear();
        junctionFlush = LOOKAHEAD_FLUSH_TIME;
    }

    void setFlushTime(double flushTime) {
        junctionFlush = flushTime;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    ToolheadMoveImpl getLast() {
        return queue.isEmpty() ? null : queue.get(queue.size() - 1);
    }

    /** Releases the moves whose trapezoids are final (all of them unless {@code lazy}). */
    List<ToolheadMoveImpl> flush(boolean lazy) {
        junctionFlush = LOOKAHEAD_FLUSH_TIME;
        boolean updateFlushCount = lazy;
        int flushCount = queue.size();
        double[] startV2s = new double[flushCount];
        double[] cruiseV2s = new double[flushCount];
        boolean[] hasCruise = new boolean[flushCount];
        double[] nextStartV2s = new double[flushCount];
        double nextStartV2 = 0.;
        double nextMcrStartV2 = 0.;
        double peakCruiseV2 = 0.;
        int pendingCv2Assign = 0;
        for (int i = flushCount - 1; i >= 0; i--) {
            ToolheadMoveImpl move = queue.get(i);
            double reachableStartV2 = nextStartV2 + move.deltaV2;
            double startV2 = Math.min(move.maxStartV2, reachableStartV2);
            pendingCv2Assign++;
            double reachMcrStartV2 = nextMcrStartV2 + move.mcrDeltaV2;
            double mcrStartV2 = Math.min(move.maxMcrStartV2, reachMcrStartV2);
            if (mcrStartV2 < reachMcrStartV2) {
                // this move can accelerate
                if (mcrStartV2 + move.mcrDeltaV2 > nextMcrStartV2 || pendingCv2Assign > 1) {
                    // it can accelerate and decelerate, or is a full accel move before a full decel move
                    if (updateFlushCount && peakCruiseV2 != 0.) {
                        flushCount = i + pendingCv2Assign;
                        updateFlushCount = false;
                    }
                    peakCruiseV2 = (mcrStartV2 + reachMcrStartV2) * .5;
                }
                cruiseV2s[i] = Math.min(Math.min((startV2 + reachableStartV2) * .5, move.maxCruiseV2),
                        peakCruiseV2);
                hasCruise[i] = true;
                pendingCv2Assign = 0;
            }
            startV2s[i] = startV2;
            nextStartV2s[i] = nextStartV2;
            nextStartV2 = startV2;
            nextMcrStartV2 = mcrStartV2;
        }
        if (updateFlushCount || flushCount == 0) {
            return List.of();
        }
        // forward pass: moves that cannot accelerate keep the previous cruise speed
        double prevCruiseV2 = 0.;
        for (int i = 0; i < flushCount; i++) {
            ToolheadMoveImpl move = queue.get(i);
            double cruiseV2 = hasCruise[i] ? cruiseV2s[i] : Math.min(prevCruiseV2, startV2s[i]);
            move.setJunction(Math.min(startV2s[i], cruiseV2), cruiseV2, Math.min(nextStartV2s[i], cruiseV2));
            prevCruiseV2 = cruiseV2;
        }
        List<ToolheadMoveImpl> res = new ArrayList<>(queue.subList(0, flushCount));
        queue.subList(0, flushCount).clear();
        return res;
    }

    /** Adds a move; true when enough is queued that some moves can be released. */
    boolean addMove(ToolheadMoveImpl move, List<org.klipper4j.core.api.motion.ExtraAxis> extraAxes) {
        queue.add(move);
        if (queue.size() == 1) {
            return false;
        }
        move.calcJunction(queue.get(queue.size() - 2), extraAxes);
        junctionFlush -= move.minMoveT;
        return junctionFlush <= 0.;
    }
}
