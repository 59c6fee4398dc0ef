/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Impulse amplitudes and times of every shaper type at 40 Hz, damping 0.1,
 * against values worked out separately (python, from the formulas in Klipper's
 * shaper_defs.py):
 * <pre>
 * df = sqrt(1 - 0.1^2) = 0.99498743710662
 * K  = exp(-0.1 pi / df) = 0.729247614287671
 * td = 1 / (40 df)      = 0.0251259453814803 s
 * zv:  A = [1, K],            T = [0, td/2]
 * zvd: A = [1, 2K, K^2],      T = [0, td/2, td]
 * mzv: K' = exp(-0.75 * 0.1 pi / df); A = [1-1/sqrt2, (sqrt2-1)K', (1-1/sqrt2)K'^2], T = [0, .375td, .75td]
 * ei (v_tol v): A = [(1+v)/4, (1-v)/2 K, (1+v)/4 K^2], T = [0, td/2, td]
 * 2hump_ei, 3hump_ei: Klipper's closed forms with v = 0.05.
 * mzv(5,0.6) at 22.2 Hz: five equally spaced impulses over 0.6 damped periods, the
 * amplitudes from the pseudo-inverse of Klipper's zero-placement system (numpy),
 * each damped by exp(-2 t zeta pi / ((n-1) df)) per step.
 * </pre>
 */
class ShaperDefinitionsTest {
    private static final double EPS = 1e-12;
    private static final double TD = 0.0251259453814803;

    private static Shaper build(String name) {
        return ShaperSpec.parse(name).build(40., .1);
    }

    @Test
    void zv() {
        Shaper s = build("zv");
        assertArrayEquals(new double[] {1., 0.7292476142876709}, s.a(), EPS);
        assertArrayEquals(new double[] {0., TD / 2}, s.t(), EPS);
    }

    @Test
    void zvd() {
        Shaper s = build("zvd");
        assertArrayEquals(new double[] {1., 1.4584952285753419, 0.5318020829442597}, s.a(), EPS);
        assertArrayEquals(new double[] {0., TD / 2, TD}, s.t(), EPS);
    }

    @Test
    void mzvDefaultIsTheClassicThreeImpulseShaper() {
        Shaper s = build("mzv");
        assertArrayEquals(new double[] {0.29289321881345254, 0.32687415041000684, 0.18239874354058674}, s.a(),
                1e-9);
        assertArrayEquals(new double[] {0., 0.009422229518055113, 0.018844459036110227}, s.t(), EPS);
    }

    @Test
    void eiWithDefaultAndGivenVibrationTolerance() {
        assertArrayEquals(new double[] {0.2625, 0.3463926167866437, 0.13959804677286816}, build("ei").a(), EPS);
        assertArrayEquals(new double[] {0.255, 0.35733133100095876, 0.13560953115078622},
                build("ei(v_tol=0.02)").a(), EPS);
        assertArrayEquals(new double[] {0., TD / 2, TD}, build("ei").t(), EPS);
    }

    @Test
    void twoHumpEi() {
        Shaper s = build("2hump_ei");
        assertArrayEquals(new double[] {0.15979720215540805, 0.2480920787021595, 0.18092055651721892,
            0.061971815914378114}, s.a(), EPS);
        assertArrayEquals(new double[] {0., TD / 2, TD, 1.5 * TD}, s.t(), EPS);
    }

    @Test
    void threeHumpEi() {
        Shaper s = build("3hump_ei");
        assertArrayEquals(new double[] {0.11237962936504912, 0.17319630839332184, 0.1596686515920623,
            0.09210615756182491, 0.03178247129998147}, s.a(), EPS);
        assertArrayEquals(new double[] {0., TD / 2, TD, 1.5 * TD, 2 * TD}, s.t(), EPS);
    }

    @Test
    void mzvWithFiveImpulses() {
        Shaper s = ShaperSpec.parse("mzv(5,0.6)").build(22.2, .1);
        assertArrayEquals(new double[] {0.3479228981297071, 0.098336225044419, 0.07276446376516897,
            0.08136517121966047, 0.23819521488817164}, s.a(), 1e-9);
        assertArrayEquals(new double[] {0., 0.00679079604904873, 0.01358159209809746, 0.02037238814714619,
            0.02716318419619492}, s.t(), EPS);
        // named parameters give the same shaper
        assertArrayEquals(s.a(), ShaperSpec.parse("MZV(n=5, t=0.6)").build(22.2, .1).a(), EPS);
    }

    @Test
    void mzvRefusesImpossibleParameters() {
        ShaperException small = assertThrows(ShaperException.class,
                () -> ShaperDefinitions.build("mzv", 40., .1, Map.of("n", 2.)));
        assertEquals("Too small n=2, must be at least 3", small.getMessage());
        ShaperException large = assertThrows(ShaperException.class,
                () -> ShaperDefinitions.build("mzv", 40., .1, Map.of("n", 3., "t", 1.)));
        assertEquals("Too large t=1.000000 for n=3, must be less than 1.000000", large.getMessage());
    }
}
