/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import java.util.Locale;

/** Wording of the progress lines shown on the console. */
final class ProgressText {
    private ProgressText() {
    }

    static String percent(long position, long size) {
        double p = size > 0 ? 100.0 * position / size : 0.0;
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** {@code H:MM:SS}. */
    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static String position(String file, long position, long size) {
        return String.format(Locale.ROOT, "%s at byte %d/%d (%s)", file, position, size, percent(position, size));
    }

    static String progress(long position, long size, Double remainingSeconds) {
        String text = percent(position, size) + " printed";
        return remainingSeconds == null ? text : text + ", about " + duration(remainingSeconds) + " remaining";
    }

    /** The periodic line of a running print: file, percent, time printing and the estimate. */
    static String printing(String file, long position, long size, double elapsedSeconds, Double remainingSeconds) {
        long whole = size > 0 ? 100 * Math.min(position, size) / size : 0;
        String text = String.format(Locale.ROOT, "Printing %s: %d%% done, %s elapsed", file, whole,
                duration(elapsedSeconds));
        return remainingSeconds == null ? text : text + ", about " + duration(remainingSeconds) + " remaining";
    }

    /** The last line of a print that ran to the end of its file. */
    static String finished(String file, double totalSeconds, Double filamentMm) {
        String text = "Print finished: " + file + " in " + duration(totalSeconds);
        return filamentMm == null ? text
                : text + String.format(Locale.ROOT, ", filament used %.1f mm", filamentMm);
    }
}
