/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.probe.api.ProbePointsHelper;

/**
 * {@code [quad_gantry_level]}: QUAD_GANTRY_LEVEL probes four points, extrapolates the
 * gantry's height at its four corners and moves each corner's Z stepper to their average.
 */
final class QuadGantryLevel implements StatusProvider {
    private static final String[] ACTUATORS = {"z", "z1", "z2", "z3"};

    private final GCodeDispatch gcode;
    private final RetryHelper retryHelper;
    private final double maxAdjust;
    private final double horizontalMoveZ;
    private final ProbePointsHelper probeHelper;
    private final ZAdjustStatus zStatus;
    private final ZAdjustHelper zHelper;
    private final List<double[]> gantryCorners;

    QuadGantryLevel(ConfigSection config) {
        retryHelper = new RetryHelper(config, "Possibly Z motor numbering is wrong");
        maxAdjust = config.getFloat("max_adjust", 4., Bounds.above(0.));
        horizontalMoveZ = config.getFloat("horizontal_move_z", 5.);
        probeHelper = new ProbePointsHelper(config, this::probeFinalize, null);
        if (probeHelper.getProbePoints().size() != 4) {
            throw new ConfigException("Need exactly 4 probe points for quad_gantry_level");
        }
        zStatus = new ZAdjustStatus(config.getPrinter());
        zHelper = new ZAdjustHelper(config, 4);
        gantryCorners = XyPoints.read(config, "gantry_corners");
        if (gantryCorners.size() < 2) {
            throw new ConfigException("quad_gantry_level requires at least two gantry_corners");
        }
        gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("QUAD_GANTRY_LEVEL", this::cmdQuadGantryLevel,
                "Conform a moving, twistable gantry to the shape of a stationary bed");
    }

    private void cmdQuadGantryLevel(GCodeCommand gcmd) {
        zStatus.reset();
        retryHelper.start(gcmd);
        probeHelper.startProbe(gcmd);
    }

    /** Slope and intercept of the line through two points. */
    static double[] lineFit(double[] p1, double[] p2) {
        if (p1[1] == p2[1]) {
            return new double[] {0., p1[1]};
        }
        double m = (p2[1] - p1[1]) / (p2[0] - p1[0]);
        return new double[] {m, p1[1] - m * p1[0]};
    }

    static double plot(double[] f, double x) {
        return f[0] * x + f[1];
    }

    /** The gantry's height at corners z, z1, z2, z3 from the gantry-relative probe heights. */
    static double[] cornerHeights(double[] offsets, List<double[]> positions, double[] zPositions,
            List<double[]> corners) {
        double[] f1 = lineFit(new double[] {positions.get(0)[0] + offsets[0], zPositions[0]},
                new double[] {positions.get(3)[0] + offsets[0], zPositions[3]});
        double[] f2 = lineFit(new double[] {positions.get(1)[0] + offsets[0], zPositions[1]},
                new double[] {positions.get(2)[0] + offsets[0], zPositions[2]});
        double y1 = positions.get(0)[1] + offsets[1];
        double y2 = positions.get(1)[1] + offsets[1];
        double[] af = lineFit(new double[] {y1, plot(f1, corners.get(0)[0])},
                new double[] {y2, plot(f2, corners.get(0)[0])});
        double[] bf = lineFit(new double[] {y1, plot(f1, corners.get(1)[0])},
                new double[] {y2, plot(f2, corners.get(1)[0])});
        return new double[] {plot(af, corners.get(0)[1]), plot(af, corners.get(1)[1]),
            plot(bf, corners.get(1)[1]), plot(bf, corners.get(0)[1])};
    }

    private boolean probeFinalize(double[] offsets, List<double[]> positions) {
        // mirrored so the adjustments read from the gantry's point of view
        double[] zPositions = new double[positions.size()];
        StringBuilder points = new StringBuilder("Gantry-relative probe points:\n");
        for (int i = 0; i < zPositions.length; i++) {
            zPositions[i] = horizontalMoveZ - positions.get(i)[2];
            points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%d: %.6f", i, zPositions[i]));
        }
        gcode.respondInfo(points.append('\n').toString());
        double[] zHeight = cornerHeights(offsets, positions, zPositions, gantryCorners);
        StringBuilder apos = new StringBuilder("Actuator Positions:\n");
        for (int i = 0; i < 4; i++) {
            apos.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%s: %06f", ACTUATORS[i], zHeight[i]));
        }
        gcode.respondInfo(apos.toString());
        double zAve = (((0 + zHeight[0]) + zHeight[1]) + zHeight[2] + zHeight[3]) / 4;
        gcode.respondInfo(String.format(Locale.ROOT, "Average: %.6f", zAve));
        double[] zAdjust = new double[4];
        double adjustMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            zAdjust[i] = zAve - zHeight[i];
            adjustMax = Math.max(adjustMax, zAdjust[i]);
        }
        if (adjustMax > maxAdjust) {
            gcode.respondError(String.format(Locale.ROOT,
                    "Aborting quad_gantry_level required adjustment %.6f is greater than max_adjust %.6f",
                    adjustMax, maxAdjust));
            return false;
        }
        zHelper.adjustSteppers(zAdjust, probeHelper.getLiftSpeed());
        List<Double> heights = java.util.Arrays.stream(zPositions).boxed().toList();
        return zStatus.checkRetryResult(retryHelper.checkRetry(heights)) == RetryHelper.Result.RETRY;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return zStatus.getStatus();
    }
}
