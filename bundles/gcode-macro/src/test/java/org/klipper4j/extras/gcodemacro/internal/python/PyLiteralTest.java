/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ast.literal_eval as Klipper's variables use it, and Python's repr of the results. */
class PyLiteralTest {

    @Test
    void numbers() {
        assertEquals(17L, PyLiteral.parse("17"));
        assertEquals(-3L, PyLiteral.parse(" -3"));
        assertEquals(12.0, PyLiteral.parse("12.0"));
        assertEquals(0.5, PyLiteral.parse(".5"));
        assertEquals(1500.0, PyLiteral.parse("1.5e3"));
        assertEquals(255L, PyLiteral.parse("0xff"));
        assertEquals(1000000L, PyLiteral.parse("1_000_000"));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                PyLiteral.parse("123456789012345678901234567890"));
    }

    @Test
    void stringsAndConstants() {
        assertEquals("abc", PyLiteral.parse("'abc'"));
        assertEquals("it's", PyLiteral.parse("\"it's\""));
        assertEquals("a\nb", PyLiteral.parse("'a\\nb'"));
        assertEquals("ab", PyLiteral.parse("'a' 'b'"));
        assertEquals(true, PyLiteral.parse("True"));
        assertEquals(false, PyLiteral.parse("False"));
        assertNull(PyLiteral.parse("None"));
    }

    @Test
    void containers() {
        assertEquals(List.of(1L, "a", 2.5), PyLiteral.parse("[1, 'a', 2.5,]"));
        assertEquals(List.of(1L, 2L), PyLiteral.parse("(1, 2)"));
        assertEquals(List.of(1L), PyLiteral.parse("(1,)"));
        assertEquals(3L, PyLiteral.parse("(3)"));
        assertEquals(Map.of("x", List.of(), "y", Map.of()), PyLiteral.parse("{'x': [], 'y': {}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "[1, 2", "1 2", "{'a'}", "01", "1 + 2", "'open"})
    void invalidLiteralsAreRejected(String text) {
        assertThrows(PyException.class, () -> PyLiteral.parse(text));
    }

    @Test
    void reprIsPythons() {
        assertEquals("{'a': [1, 2.5, 'x'], 'b': None, 'c': True}",
                PyStr.repr(PyLiteral.parse("{'a': [1, 2.5, 'x'], 'b': None, 'c': True}")));
        assertEquals("\"it's\"", PyStr.repr("it's"));
        assertEquals("'a\\nb'", PyStr.repr("a\nb"));
        assertEquals("1e-05 0.0001 1e+16 123456789.0 -0.5", String.join(" ", PyStr.repr(1e-5), PyStr.repr(1e-4),
                PyStr.repr(1e16), PyStr.repr(123456789.0), PyStr.repr(-0.5)));
    }

    @Test
    void formatFollowsCPythonRounding() {
        assertEquals("2.67", PyFormat.format("%.2f", 2.675));      // 2.67499999... in binary
        assertEquals("0.12", PyFormat.format("%.2f", 0.125));      // exact tie: half to even
        assertEquals("1000 1e+06 1.5e-05", PyFormat.format("%g %g %g", List.of(1000.0, 1e6, 0.000015)));
        assertEquals("  42|42  |0042", PyFormat.format("%4d|%-4d|%04d", List.of(42L, 42L, 42L)));
        assertEquals("3.0", PyFormat.format("%s", 3.0));
        assertEquals("True", PyFormat.format("%s", true));
    }
}
