/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The byte encodings of the LED chips, checked against Klipper's led regression output. */
class LedEncodingTest {

    @Test
    void neopixelUpdatesMergeNearbyChangedBytes() {
        // GRB chain of 4 from (0.2,0.3,0.4) to red 0.2 only: greens and blues change -> one run from 0
        byte[] old = {0x4d, 0x33, 0x66, 0x4d, 0x33, 0x66, 0x4d, 0x33, 0x66, 0x4d, 0x33, 0x66};
        byte[] now = {0x00, 0x33, 0x00, 0x00, 0x33, 0x00, 0x00, 0x33, 0x00, 0x00, 0x33, 0x00};
        List<int[]> runs = ChangedRuns.find(old, now);
        assertEquals(1, runs.size());
        assertArrayEquals(new int[] {0, 12}, runs.get(0));
        // only the red bytes (1, 4, 7, 10) change: one run of 10 from 1
        byte[] reds = now.clone();
        for (int i = 1; i < 12; i += 3) {
            reds[i] = 0x66;
        }
        assertArrayEquals(new int[] {1, 10}, ChangedRuns.find(now, reds).get(0));
    }

    @Test
    void neopixelUpdatesSplitDistantChanges() {
        byte[] old = new byte[20];
        byte[] now = new byte[20];
        now[0] = 1;
        now[10] = 1;
        List<int[]> runs = ChangedRuns.find(old, now);
        assertEquals(2, runs.size());
        assertArrayEquals(new int[] {0, 1}, runs.get(0));
        assertArrayEquals(new int[] {10, 1}, runs.get(1));
    }

    @Test
    void dotstarFramesAreStartLedsAndEnd() {
        byte[] frames = Dotstar.frames(List.of(new double[] {0.2, 0.3, 0.4, 0}, new double[] {0.5, 0, 0, 0}));
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) 0xff, 0x66, 0x4d, 0x33, (byte) 0xff, 0, 0, (byte) 0x80,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, frames);
    }

    @Test
    void pca9533SelectsOffPwmOrOnByQuarter() {
        assertEquals(0x20, Pca9533.selector(new double[] {0.1, 0.2, 0.3, 0}));
        assertEquals(0x00, Pca9533.selector(new double[] {0.2, 0, 0, 0}));
        assertEquals(0x02, Pca9533.selector(new double[] {0.4, 0, 0, 0}));
        assertEquals(0x03, Pca9533.selector(new double[] {0.5, 0, 0, 0}));
        assertEquals(0x4d, Pca9533.selector(new double[] {1.0, 0.6, 0.0, 1.0}));
    }

    @Test
    void pythonLiteralsOfDisplayTemplateParameters() {
        assertEquals(1.2, PythonLiteral.parse("1.2"));
        assertEquals(-3, PythonLiteral.parse(" -3 "));
        assertEquals("abc", PythonLiteral.parse("'abc'"));
        assertEquals(Boolean.TRUE, PythonLiteral.parse("True"));
        assertEquals(null, PythonLiteral.parse("None"));
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("1.2.3"));
    }
}
