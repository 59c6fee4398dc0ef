/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.internal;

import java.util.Objects;

/**
 * The slicer's layer information set by {@code SET_PRINT_STATS_INFO}, with
 * Klipper's rules: a new total restarts the current layer at 0, a total of 0
 * clears both, and the current layer never exceeds the total.
 */
final class LayerInfo {
    private Integer totalLayer;
    private Integer currentLayer;

    Integer totalLayer() {
        return totalLayer;
    }

    Integer currentLayer() {
        return currentLayer;
    }

    /** Applies the command's values; {@code null} means "parameter not given" (keep as is). */
    void update(Integer newTotal, Integer newCurrent) {
        Integer total = newTotal != null ? newTotal : totalLayer;
        Integer current = newCurrent != null ? newCurrent : currentLayer;
        if (total != null && total == 0) {
            totalLayer = null;
            currentLayer = null;
        } else if (!Objects.equals(total, totalLayer)) {
            totalLayer = total;
            currentLayer = 0;
        }
        if (totalLayer != null && current != null && !current.equals(currentLayer)) {
            currentLayer = Math.min(current, totalLayer);
        }
    }

    void clear() {
        totalLayer = null;
        currentLayer = null;
    }
}
