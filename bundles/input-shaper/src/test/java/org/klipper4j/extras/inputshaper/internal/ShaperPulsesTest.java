/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The solver form of a shaper. For ZV with A = [1, K], T = [0, h] (h = half a
 * damped period) the normalised, reversed pulses are K/(1+K) at -h and 1/(1+K) at
 * 0; their weighted mean is -hK/(1+K), so after centring the times are
 * -h/(1+K) and hK/(1+K).
 */
class ShaperPulsesTest {
    private static final double EPS = 1e-12;

    @Test
    void zvPulsesAreNormalisedReversedAndCentred() {
        double k = 0.7292476142876709;
        double h = 0.012562972690740151;
        ShaperPulses p = ShaperPulses.of(new Shaper(new double[] {1., k}, new double[] {0., h}));
        assertEquals(2, p.size());
        assertEquals(k / (1 + k), p.amplitude(0), EPS);
        assertEquals(1 / (1 + k), p.amplitude(1), EPS);
        assertEquals(-h / (1 + k), p.time(0), EPS);
        assertEquals(h * k / (1 + k), p.time(1), EPS);
        assertEquals(h * k / (1 + k), p.preActive(), EPS);
        assertEquals(h / (1 + k), p.postActive(), EPS);
    }

    @Test
    void noShaperMeansNoPulsesAndNoWindow() {
        ShaperPulses p = ShaperPulses.of(Shaper.NONE);
        assertTrue(p.isEmpty());
        assertEquals(0., p.preActive());
        assertEquals(0., p.postActive());
    }

    @Test
    void tooManyImpulsesCannotBeUsed() {
        double[] six = {1, 1, 1, 1, 1, 1};
        assertNull(ShaperPulses.of(new Shaper(six, new double[] {0, .001, .002, .003, .004, .005})));
    }
}
