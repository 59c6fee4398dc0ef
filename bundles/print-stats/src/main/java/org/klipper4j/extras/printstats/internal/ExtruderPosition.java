/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;

/**
 * Reads the extruder's G-code position from the {@code gcode_move} status
 * ({@code position[3]} and {@code extrude_factor}), the way Klipper's print_stats
 * counts filament. Empty when there is no gcode_move object or its status lacks
 * a usable position.
 */
final class ExtruderPosition {

    /** One reading: the E position and the extrusion multiplier in effect. */
    record Sample(double e, double extrudeFactor) {
    }

    private final Printer printer;

    ExtruderPosition(Printer printer) {
        this.printer = printer;
    }

    Optional<Sample> read(double eventtime) {
        Optional<StatusProvider> gcodeMove = printer.findObject("gcode_move", StatusProvider.class);
        if (gcodeMove.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> status = gcodeMove.get().getStatus(eventtime);
        Double e = fourthCoordinate(status.get("position"));
        if (e == null) {
            return Optional.empty();
        }
        double factor = 1.0;
        Object f = status.get("extrude_factor");
        if (f instanceof Number n && n.doubleValue() != 0.0) {
            factor = n.doubleValue();
        }
        return Optional.of(new Sample(e, factor));
    }

    private static Double fourthCoordinate(Object position) {
        if (position instanceof List<?> list && list.size() > 3 && list.get(3) instanceof Number n) {
            return n.doubleValue();
        }
        if (position instanceof double[] array && array.length > 3) {
            return array[3];
        }
        return null;
    }
}
