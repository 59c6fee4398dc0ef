/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodearcs.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an arc into straight segments of at most about {@code mmPerSegment}
 * (Marlin's plan_arc, as Klipper's gcode_arcs uses it). The arithmetic follows
 * Klipper's step by step so that every segment end is the same double.
 */
final class ArcPlanner {
    private static final double FULL_TURN = 2.0 * Math.PI;

    private final double mmPerSegment;

    ArcPlanner(double mmPerSegment) {
        this.mmPerSegment = mmPerSegment;
    }

    /**
     * The segment ends from {@code start} to {@code target} (both x, y, z) around
     * the centre {@code start + (offsetAlpha, offsetBeta)} in {@code plane}; the last
     * point is {@code target} itself.
     */
    List<double[]> plan(double[] start, double[] target, double offsetAlpha, double offsetBeta,
            boolean clockwise, ArcPlane plane) {
        int a = plane.alphaAxis;
        int b = plane.betaAxis;
        int h = plane.helicalAxis;
        // Vector from the centre to the start point.
        double radiusAlpha = -offsetAlpha;
        double radiusBeta = -offsetBeta;
        double centerAlpha = start[a] - radiusAlpha;
        double centerBeta = start[b] - radiusBeta;
        double targetAlpha = target[a] - centerAlpha;
        double targetBeta = target[b] - centerBeta;
        double angularTravel = Math.atan2(radiusAlpha * targetBeta - radiusBeta * targetAlpha,
                radiusAlpha * targetAlpha + radiusBeta * targetBeta);
        if (angularTravel < 0.0) {
            angularTravel += FULL_TURN;
        }
        if (clockwise) {
            angularTravel -= FULL_TURN;
        }
        if (angularTravel == 0.0 && start[a] == target[a] && start[b] == target[b]) {
            // Target equals start: a full circle.
            angularTravel = FULL_TURN;
        }

        double linearTravel = target[h] - start[h];
        double radius = Math.hypot(radiusAlpha, radiusBeta);
        double flatMm = radius * angularTravel;
        double mmOfTravel = linearTravel != 0.0 ? Math.hypot(flatMm, linearTravel) : Math.abs(flatMm);
        double segments = Math.max(1.0, Math.floor(mmOfTravel / mmPerSegment));

        double thetaPerSegment = angularTravel / segments;
        double linearPerSegment = linearTravel / segments;
        List<double[]> points = new ArrayList<>();
        for (int i = 1; i < (int) segments; i++) {
            double theta = i * thetaPerSegment;
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double[] point = new double[3];
            point[a] = centerAlpha + (-offsetAlpha * cos + offsetBeta * sin);
            point[b] = centerBeta + (-offsetAlpha * sin - offsetBeta * cos);
            point[h] = start[h] + i * linearPerSegment;
            points.add(point);
        }
        points.add(target.clone());
        return points;
    }
}
