/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFloatTest {
    @Test
    void formatsAsPythonStr() {
        assertEquals("0.0", PyFloat.repr(0.));
        assertEquals("0.01", PyFloat.repr(0.01));
        assertEquals("65.0", PyFloat.repr(65.));
        assertEquals("-1.5", PyFloat.repr(-1.5));
        assertEquals("1e-05", PyFloat.repr(0.00001));
        assertEquals("0.0001", PyFloat.repr(0.0001));
        assertEquals("1e+16", PyFloat.repr(1e16));
    }
}
