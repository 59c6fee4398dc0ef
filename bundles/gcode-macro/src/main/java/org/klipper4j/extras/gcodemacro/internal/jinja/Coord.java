/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.util.AbstractList;
import java.util.List;

import com.hubspot.jinjava.objects.PyWrapper;

/**
 * A position as Klipper's {@code Coord} named tuple: a list that also answers
 * {@code .x .y .z .e}, so {@code printer.toolhead.position.x} works. A {@link PyWrapper}, so
 * Jinjava keeps it as it is instead of wrapping it in a plain list.
 */
public final class Coord extends AbstractList<Object> implements PyWrapper {

    static final List<String> AXES = List.of("x", "y", "z", "e");

    private final List<?> values;

    public Coord(List<?> values) {
        this.values = List.copyOf(values);
    }

    /** True if {@code list} has the shape of a position: four numbers. */
    public static boolean looksLikeCoord(List<?> list) {
        return list.size() == AXES.size() && list.stream().allMatch(v -> v instanceof Number);
    }

    /** The value of axis {@code name}, or null if it is no axis name. */
    Object axis(String name) {
        int index = AXES.indexOf(name);
        return index < 0 ? null : values.get(index);
    }

    @Override
    public Object get(int index) {
        return values.get(index);
    }

    @Override
    public int size() {
        return values.size();
    }
}
