/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.extras.gcodemacro.internal.python.PyStr;

import com.hubspot.jinjava.objects.collections.PyList;

import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/** Python's {@code ~} (Jinja2 concatenation with {@code str()}) and {@code *} (repeats strings and lists). */
final class PythonOperators {

    private PythonOperators() {
    }

    /** Jinja2's {@code a ~ b}: both sides printed as Python's {@code str()}. */
    static final AstBinary.SimpleOperator CONCAT = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object left, Object right) {
            return PyStr.str(left) + PyStr.str(right);
        }

        @Override
        public String toString() {
            return "~";
        }
    };

    /** Python's {@code *}: {@code '-' * 3} and {@code [0] * 2} repeat; numbers multiply. */
    static final AstBinary.SimpleOperator MUL = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object left, Object right) {
            if (left instanceof CharSequence s && isInteger(right)) {
                return s.toString().repeat(Math.max(0, ((Number) right).intValue()));
            }
            if (right instanceof CharSequence s && isInteger(left)) {
                return s.toString().repeat(Math.max(0, ((Number) left).intValue()));
            }
            if (left instanceof List<?> list && isInteger(right)) {
                return repeat(list, ((Number) right).intValue());
            }
            return NumberOperations.mul(converter, left, right);
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    private static boolean isInteger(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof java.math.BigInteger;
    }

    private static Object repeat(List<?> list, int times) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(list);
        }
        return new PyList(out);
    }

    /**
     * True if {@code value} is a Python tuple: Jinjava's tuple literal (a list it made
     * read-only) or a position ({@link Coord}), which {@code %} spreads over its fields.
     */
    static boolean isTuple(Object value) {
        if (value instanceof Coord) {
            return true;
        }
        return value instanceof PyList p
                && p.toList().getClass().getName().startsWith("java.util.Collections$Unmodifiable");
    }
}
