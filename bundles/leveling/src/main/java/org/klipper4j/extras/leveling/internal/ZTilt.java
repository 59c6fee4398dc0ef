/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import org.klipper4j.core.api.motion.PlaneFit;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.probe.api.ProbePointsHelper;

/**
 * {@code [z_tilt]}: Z_TILT_ADJUST probes the points, fits a plane z = ax + by + c (least
 * squares) and moves each Z stepper to the plane's height at its z_position.
 */
final class ZTilt implements StatusProvider {
    private final List<double[]> zPositions;
    private final RetryHelper retryHelper;
    private final ProbePointsHelper probeHelper;
    private final ZAdjustStatus zStatus;
    private final ZAdjustHelper zHelper;

    ZTilt(ConfigSection config) {
        zPositions = XyPoints.read(config, "z_positions");
        retryHelper = new RetryHelper(config, "");
        probeHelper = new ProbePointsHelper(config, this::probeFinalize, null);
        probeHelper.minimumPoints(2);
        zStatus = new ZAdjustStatus(config.getPrinter());
        zHelper = new ZAdjustHelper(config, zPositions.size());
        config.getPrinter().lookupObject("gcode", GCodeDispatch.class)
                .registerCommand("Z_TILT_ADJUST", this::cmdZTiltAdjust, "Adjust the Z tilt");
    }

    private void cmdZTiltAdjust(GCodeCommand gcmd) {
        zStatus.reset();
        retryHelper.start(gcmd);
        probeHelper.startProbe(gcmd);
    }

    private boolean probeFinalize(double[] offsets, List<double[]> positions) {
        double zOffset = offsets[2];
        PlaneFit fit = PlaneFit.of(positions);
        double xAdjust = fit.xAdjust();
        double yAdjust = fit.yAdjust();
        double zAdjust = fit.zAdjust() - zOffset - xAdjust * offsets[0] - yAdjust * offsets[1];
        double[] adjustments = new double[zPositions.size()];
        for (int i = 0; i < adjustments.length; i++) {
            double[] zp = zPositions.get(i);
            adjustments[i] = zp[0] * xAdjust + zp[1] * yAdjust + zAdjust;
        }
        zHelper.adjustSteppers(adjustments, probeHelper.getLiftSpeed());
        List<Double> heights = positions.stream().map(p -> p[2]).toList();
        return zStatus.checkRetryResult(retryHelper.checkRetry(heights)) == RetryHelper.Result.RETRY;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return zStatus.getStatus();
    }
}
