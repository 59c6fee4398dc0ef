/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.klipper4j.extras.gcodemacro.internal.python.PyStr;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * Jinja2's filters where Jinjava's differ from them: {@code int}, {@code float},
 * {@code round}, {@code string}, {@code join}, {@code min}, {@code max}.
 */
final class PythonFilters {

    private PythonFilters() {
    }

    /** A filter from a name and a function of the value and its arguments. */
    private record Simple(String name, BiFunction<Object, Object[], Object> fn) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return fn.apply(var, args);
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object[] all = args == null ? new Object[0] : args;
            if (kwargs != null && !kwargs.isEmpty()) {
                all = Arrays.copyOf(all, all.length + 1);
                all[all.length - 1] = kwargs;
            }
            return fn.apply(var, all);
        }
    }

    static List<Filter> all() {
        return List.of(
                new Simple("string", (v, a) -> PyStr.str(v)),
                new Simple("int", PythonFilters::toInt),
                new Simple("float", PythonFilters::toFloat),
                new Simple("round", PythonFilters::round),
                new Simple("join", PythonFilters::join),
                new Simple("sum", PythonFilters::sum),
                new Simple("min", (v, a) -> extreme(v, -1)),
                new Simple("max", (v, a) -> extreme(v, 1)));
    }

    private static Object arg(Object[] args, int i, Object dflt) {
        return args.length > i && args[i] != null && !(args[i] instanceof Map) ? args[i] : dflt;
    }

    /** Jinja2's int: int(value), else int(float(value)), else the default (0). */
    static Object toInt(Object value, Object[] args) {
        Object dflt = arg(args, 0, 0L);
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (Object) new BigDecimal(d).toBigInteger().longValue() : dflt;
        }
        if (value == null) {
            return dflt;
        }
        String s = value.toString().strip().replace("_", "");
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                return Double.isFinite(d) ? (Object) (long) d : dflt;
            } catch (NumberFormatException e2) {
                return dflt;
            }
        }
    }

    /** Jinja2's float: float(value), else the default (0.0). */
    static Object toFloat(Object value, Object[] args) {
        Object dflt = arg(args, 0, 0.0);
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null) {
            return dflt;
        }
        String s = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
            }
        }
        if (s.isEmpty() || !s.matches("[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)([e][+-]?\\d+)?")) {
            return dflt;
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    /** Jinja2's round(value, precision=0, method='common'): Python's round, half to even. */
    static Object round(Object value, Object[] args) {
        int precision = ((Number) toInt(arg(args, 0, 0L), new Object[0])).intValue();
        String method = String.valueOf(arg(args, 1, "common"));
        if (args.length > 0 && args[args.length - 1] instanceof Map<?, ?> kw) {
            if (kw.get("precision") instanceof Number p) {
                precision = p.intValue();
            }
            if (kw.get("method") != null) {
                method = kw.get("method").toString();
            }
        }
        RoundingMode mode = switch (method) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw new PyException("FilterArgumentError", "method must be common, ceil or floor");
        };
        if (!(value instanceof Number n)) {
            throw new PyException("TypeError", "type " + org.klipper4j.extras.gcodemacro.internal.python.PyTypes.name(value)
                    + " doesn't define __round__ method");
        }
        boolean integral = n instanceof Long || n instanceof Integer || n instanceof BigInteger;
        if (integral && mode == RoundingMode.HALF_EVEN) {
            return n;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return d;
        }
        return new BigDecimal(d).setScale(precision, mode).doubleValue();
    }

    private static Object join(Object value, Object[] args) {
        String sep = PyStr.str(arg(args, 0, ""));
        Iterable<?> items = value instanceof Iterable<?> it ? it
                : value instanceof Map<?, ?> m ? m.keySet() : List.of(PyStr.str(value).split(""));
        List<String> parts = new ArrayList<>();
        for (Object o : items) {
            parts.add(PyStr.str(o));
        }
        return String.join(sep, parts);
    }

    /** Jinja2's sum(iterable, start=0): an int while every item is one, as Python's sum. */
    private static Object sum(Object value, Object[] args) {
        Object start = arg(args, 1, 0L);
        boolean integral = !(start instanceof Double);
        long whole = integral ? ((Number) start).longValue() : 0;
        double total = ((Number) start).doubleValue();
        if (!(value instanceof Iterable<?> items)) {
            throw new PyException("TypeError", "'" + org.klipper4j.extras.gcodemacro.internal.python.PyTypes.name(value)
                    + "' object is not iterable");
        }
        for (Object o : items) {
            if (!(o instanceof Number n)) {
                throw new PyException("TypeError", "unsupported operand type(s) for +: 'int' and '"
                        + org.klipper4j.extras.gcodemacro.internal.python.PyTypes.name(o) + "'");
            }
            integral &= n instanceof Long || n instanceof Integer;
            whole += n.longValue();
            total += n.doubleValue();
        }
        return integral ? (Object) whole : total;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(Object value, int sign) {
        Iterable<?> items = value instanceof Iterable<?> it ? it
                : value instanceof Map<?, ?> m ? m.keySet() : null;
        if (items == null) {
            throw new PyException("TypeError", "'" + org.klipper4j.extras.gcodemacro.internal.python.PyTypes.name(value)
                    + "' object is not iterable");
        }
        Object best = null;
        for (Object o : items) {
            if (best == null || compare(o, best) * sign > 0) {
                best = o;
            }
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.toLowerCase(java.util.Locale.ROOT).compareTo(y.toLowerCase(java.util.Locale.ROOT));
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        throw new PyException("TypeError", "'<' not supported between instances of '"
                + org.klipper4j.extras.gcodemacro.internal.python.PyTypes.name(a) + "' and '"
                + org.klipper4j.extras.gcodemacro.internal.python.PyTypes.name(b) + "'");
    }
}
