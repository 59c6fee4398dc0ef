/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.math.BigInteger;

import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.klipper4j.extras.gcodemacro.internal.python.PyFormat;

import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/**
 * Python's {@code %}: string formatting when the left side is a string, otherwise the
 * modulo whose result takes the sign of the divisor.
 */
final class PythonModOperator extends AstBinary.SimpleOperator {

    static final PythonModOperator OP = new PythonModOperator();

    @Override
    protected Object apply(TypeConverter converter, Object left, Object right) {
        if (left instanceof CharSequence format) {
            // only a tuple spreads over the conversions; any other value is the one argument
            Object args = PythonOperators.isTuple(right) ? new java.util.ArrayList<>((java.util.List<?>) right)
                    : java.util.Collections.singletonList(right);
            return PyFormat.format(format.toString(), right instanceof java.util.Map ? right : args);
        }
        if (!(left instanceof Number) || !(right instanceof Number)) {
            throw new PyException("TypeError", "unsupported operand type(s) for %");
        }
        if (isIntegral(left) && isIntegral(right)) {
            BigInteger b = toBig(right);
            if (b.signum() == 0) {
                throw new PyException("ZeroDivisionError", "integer modulo by zero");
            }
            BigInteger r = toBig(left).mod(b.abs());
            if (b.signum() < 0 && r.signum() != 0) {
                r = r.add(b);
            }
            return r.bitLength() < 64 ? (Object) r.longValue() : r;
        }
        double a = ((Number) left).doubleValue();
        double b = ((Number) right).doubleValue();
        if (b == 0) {
            throw new PyException("ZeroDivisionError", "float modulo");
        }
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) {
            r += b;
        }
        return r;
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger;
    }

    private static BigInteger toBig(Object o) {
        return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
    }

    @Override
    public String toString() {
        return "%";
    }
}
