/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/**
 * One constant-acceleration segment of a trapezoid queue (Klipper's {@code struct move}).
 * Fields are public and mutable because the step solver reads them millions of
 * times per second; only the trapq that owns a move changes it.
 */
public final class TrapMove {
    public double printTime;
    public double moveT;
    public double startV;
    public double halfAccel;
    public double startX;
    public double startY;
    public double startZ;
    public double axesRX;
    public double axesRY;
    public double axesRZ;
    /**
     * The neighbouring segments in the trapq (null beyond the sentinels). Input
     * shaping reads positions slightly before and after a segment through them.
     */
    public TrapMove prev;
    public TrapMove next;

    /** Distance travelled {@code moveTime} seconds into this segment. */
    public double getDistance(double moveTime) {
        return (startV + halfAccel * moveTime) * moveTime;
    }

    public double coordX(double moveTime) {
        return startX + axesRX * getDistance(moveTime);
    }

    public double coordY(double moveTime) {
        return startY + axesRY * getDistance(moveTime);
    }

    public double coordZ(double moveTime) {
        return startZ + axesRZ * getDistance(moveTime);
    }

    public double endTime() {
        return printTime + moveT;
    }
}
