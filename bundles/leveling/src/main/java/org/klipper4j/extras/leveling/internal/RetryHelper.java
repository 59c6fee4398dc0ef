/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.List;
import java.util.Locale;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** Repeats a leveling while the probed range exceeds the tolerance (Klipper's RetryHelper). */
final class RetryHelper {
    /** What a leveling pass decided. */
    enum Result { NO_RETRIES, DONE, RETRY }

    private static final String VALUE_LABEL = "Probed points range";

    private final GCodeDispatch gcode;
    private final int defaultMaxRetries;
    private final double defaultRetryTolerance;
    private final String errorMsgExtra;
    private int maxRetries;
    private double retryTolerance;
    private int currentRetry;
    private Double previous;
    private int increasing;

    RetryHelper(ConfigSection config, String errorMsgExtra) {
        this.gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        this.defaultMaxRetries = config.getInt("retries", 0, 0, null);
        this.defaultRetryTolerance = config.getFloat("retry_tolerance", 0., Bounds.above(0.));
        this.errorMsgExtra = errorMsgExtra;
    }

    void start(GCodeCommand gcmd) {
        maxRetries = gcmd.getInt("RETRIES", defaultMaxRetries, 0, 30);
        retryTolerance = gcmd.getFloat("RETRY_TOLERANCE", defaultRetryTolerance, Bounds.range(0., 1.));
        currentRetry = 0;
        previous = null;
        increasing = 0;
    }

    private boolean checkIncrease(double error) {
        // Klipper tests "if previous" so a previous range of exactly 0 does not count
        if (previous != null && previous != 0. && error > previous + 0.0000001) {
            increasing++;
        } else if (increasing > 0) {
            increasing--;
        }
        previous = error;
        return increasing > 1;
    }

    Result checkRetry(List<Double> zPositions) {
        if (maxRetries == 0) {
            return Result.NO_RETRIES;
        }
        double max = zPositions.stream().mapToDouble(Double::doubleValue).max().orElse(0.);
        double min = zPositions.stream().mapToDouble(Double::doubleValue).min().orElse(0.);
        double error = Math.rint((max - min) * 1e6) / 1e6;
        gcode.respondInfo(String.format(Locale.ROOT, "Retries: %d/%d %s: %.6f tolerance: %.6f",
                currentRetry, maxRetries, VALUE_LABEL, error, retryTolerance));
        if (checkIncrease(error)) {
            throw new CommandError("Retries aborting: " + VALUE_LABEL + " is increasing. " + errorMsgExtra);
        }
        if (error <= retryTolerance) {
            return Result.DONE;
        }
        currentRetry++;
        if (currentRetry > maxRetries) {
            throw new CommandError("Too many retries");
        }
        return Result.RETRY;
    }
}
