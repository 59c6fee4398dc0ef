/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.StatusProvider;

/** A gcode_move whose E position and extrude factor the test sets. */
final class FakeGCodeMove implements StatusProvider {
    double e;
    double extrudeFactor = 1.0;

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("position", List.of(1.0, 2.0, 3.0, e), "extrude_factor", extrudeFactor);
    }
}
