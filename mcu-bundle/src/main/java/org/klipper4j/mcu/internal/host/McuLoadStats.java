/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The MCU's own load from its periodic {@code stats} report (task time sum and sum of
 * squares over a count of runs), and the parsing of a Stats text into {@code last_stats}.
 */
final class McuLoadStats {
    private final double mcuFreq;
    private final double sumsqBase;
    private double tickAvg;
    private double tickStddev;
    private double tickAwake;

    McuLoadStats(double mcuFreq, double sumsqBase) {
        this.mcuFreq = mcuFreq;
        this.sumsqBase = sumsqBase;
    }

    /** Handles {@code stats count=%u sum=%u sumsq=%u}. */
    void handle(Map<String, Object> params) {
        long count = ParamValues.toLong(params.get("count"));
        long tickSum = ParamValues.toLong(params.get("sum"));
        double c = 1.0 / (count * mcuFreq);
        tickAvg = tickSum * c;
        double tickSumsq = ParamValues.toLong(params.get("sumsq")) * sumsqBase;
        double diff = count * tickSumsq - (double) tickSum * tickSum;
        tickStddev = c * Math.sqrt(Math.max(0., diff));
        tickAwake = tickSum / mcuFreq;
    }

    String text() {
        return String.format(Locale.ROOT, "mcu_awake=%.03f mcu_task_avg=%.06f mcu_task_stddev=%.06f",
                tickAwake, tickAvg, tickStddev);
    }

    /** {@code key=value} pairs as numbers: with a dot as Double, else Long (text if neither). */
    static Map<String, Object> parse(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : text.split(" ")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String v = part.substring(eq + 1);
            Object value;
            try {
                value = v.contains(".") ? (Object) Double.parseDouble(v) : (Object) Long.parseLong(v);
            } catch (NumberFormatException e) {
                value = v;
            }
            out.put(part.substring(0, eq), value);
        }
        return Collections.unmodifiableMap(out);
    }
}
