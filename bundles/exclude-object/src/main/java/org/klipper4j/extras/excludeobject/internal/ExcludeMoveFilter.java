/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.excludeobject.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.klipper4j.core.api.motion.MoveTransform;

/**
 * The move transform of exclude_object: moves inside an excluded object are not
 * sent; the toolhead stays at the end of the last printed object and the XYZE
 * difference is kept as an offset (per extruder) that later moves are corrected
 * by, as Klipper does, so leaving an excluded object resumes without a jump in
 * the extruder.
 */
final class ExcludeMoveFilter {
    /** Extrusion moves tracked before exclusion starts, to learn the extruder's state. */
    static final int INITIAL_EXTRUSION_MOVES = 5;

    private final MoveTransform next;
    private final Supplier<String> activeExtruder;
    private final Map<String, double[]> extrusionOffsets = new HashMap<>();
    private final double[] lastPosition = new double[4];
    private final double[] lastPositionExtruded = new double[4];
    private final double[] lastPositionExcluded = new double[4];
    private double maxPositionExtruded;
    private double maxPositionExcluded;
    private double extruderAdj;
    private int initialExtrusionMoves = INITIAL_EXTRUSION_MOVES;
    private boolean inExcludedRegion;

    ExcludeMoveFilter(MoveTransform next, Supplier<String> activeExtruder) {
        this.next = next;
        this.activeExtruder = activeExtruder;
        getPosition();
        System.arraycopy(lastPosition, 0, lastPositionExtruded, 0, 4);
        System.arraycopy(lastPosition, 0, lastPositionExcluded, 0, 4);
    }

    MoveTransform next() {
        return next;
    }

    /** True once enough extrusion moves were seen for exclusion to take effect. */
    boolean isTracking() {
        return initialExtrusionMoves == 0;
    }

    private double[] offsets() {
        return extrusionOffsets.computeIfAbsent(activeExtruder.get(), k -> new double[4]);
    }

    /** The G-code side position: the next transform's plus the offset of the active extruder. */
    double[] getPosition() {
        double[] offset = offsets();
        double[] pos = next.getPosition();
        for (int i = 0; i < 4; i++) {
            lastPosition[i] = pos[i] + offset[i];
        }
        return lastPosition.clone();
    }

    /** Moves with {@code excluded} telling whether the current object is excluded. */
    void move(double[] newpos, double speed, boolean excluded) {
        if (excluded) {
            inExcludedRegion = true;
            ignoreMove(newpos);
        } else if (inExcludedRegion) {
            inExcludedRegion = false;
            // compensates a retraction difference between the excluded object and the last printed one
            extruderAdj = maxPositionExcluded - lastPositionExcluded[3]
                    - (maxPositionExtruded - lastPositionExtruded[3]);
            normalMove(newpos, speed);
        } else {
            normalMove(newpos, speed);
        }
    }

    private void normalMove(double[] newpos, double speed) {
        double[] offset = offsets();
        if (initialExtrusionMoves > 0 && lastPosition[3] != newpos[3]) {
            initialExtrusionMoves--;
        }
        System.arraycopy(newpos, 0, lastPosition, 0, 4);
        System.arraycopy(lastPosition, 0, lastPositionExtruded, 0, 4);
        maxPositionExtruded = Math.max(maxPositionExtruded, newpos[3]);
        // After leaving an excluded object the toolhead is where the last printed
        // object ended: Z and E corrections go first, the rest on the first XY move.
        if ((offset[0] != 0. || offset[1] != 0.)
                && (newpos[0] != lastPositionExcluded[0] || newpos[1] != lastPositionExcluded[1])) {
            offset[0] = 0.;
            offset[1] = 0.;
            offset[2] = 0.;
            offset[3] += extruderAdj;
            extruderAdj = 0.;
        }
        if (offset[2] != 0. && newpos[2] != lastPositionExcluded[2]) {
            offset[2] = 0.;
        }
        if (extruderAdj != 0. && newpos[3] != lastPositionExcluded[3]) {
            offset[3] += extruderAdj;
            extruderAdj = 0.;
        }
        double[] txPos = newpos.clone();
        for (int i = 0; i < 4; i++) {
            txPos[i] = newpos[i] - offset[i];
        }
        next.move(txPos, speed);
    }

    private void ignoreMove(double[] newpos) {
        double[] offset = offsets();
        for (int i = 0; i < 3; i++) {
            offset[i] = newpos[i] - lastPositionExtruded[i];
        }
        offset[3] = offset[3] + newpos[3] - lastPosition[3];
        System.arraycopy(newpos, 0, lastPosition, 0, 4);
        System.arraycopy(lastPosition, 0, lastPositionExcluded, 0, 4);
        maxPositionExcluded = Math.max(maxPositionExcluded, newpos[3]);
    }
}
