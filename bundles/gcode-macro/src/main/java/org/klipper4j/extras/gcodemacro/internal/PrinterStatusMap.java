/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.extras.gcodemacro.internal.jinja.Coord;

/**
 * The {@code printer} of a template (Klipper's {@code GetStatusWrapper}): the status of
 * any object, read when first asked for and kept for the rest of the render. Positions
 * (four numbers) answer {@code .x .y .z .e}.
 */
final class PrinterStatusMap extends AbstractMap<String, Object> {

    private final Printer printer;
    private Double eventtime;
    private final Map<String, Object> cache = new HashMap<>();

    PrinterStatusMap(Printer printer, Double eventtime) {
        this.printer = printer;
        this.eventtime = eventtime;
    }

    @Override
    public Object get(Object key) {
        String name = String.valueOf(key).strip();
        if (cache.containsKey(name)) {
            return cache.get(name);
        }
        Object status = printer.findObject(name, StatusProvider.class)
                .map(sp -> {
                    if (eventtime == null) {
                        eventtime = printer.getReactor().monotonic();
                    }
                    return toTemplateValue(sp.getStatus(eventtime));
                }).orElse(null);
        if (status != null) {
            cache.put(name, status);
        }
        return status;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> entries = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : printer.lookupObjects(null)) {
            if (e.getValue() instanceof StatusProvider) {
                entries.add(new SimpleImmutableEntry<>(e.getKey(), get(e.getKey())));
            }
        }
        return entries;
    }

    /** A deep copy (as Klipper's deepcopy: a template may change it freely) in the shapes templates expect. */
    static Object toTemplateValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, toTemplateValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            if (Coord.looksLikeCoord(list)) {
                return new Coord(list);
            }
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(toTemplateValue(v)));
            return copy;
        }
        if (value instanceof Set<?> set) {
            List<Object> copy = new ArrayList<>(set.size());
            set.forEach(v -> copy.add(toTemplateValue(v)));
            return copy;
        }
        return value;
    }
}
