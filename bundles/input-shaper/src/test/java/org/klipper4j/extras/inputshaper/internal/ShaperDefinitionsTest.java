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
 * ei (v_tol v, damping d): Klipper's fit, by hand for v = 0.05, d = 0.1:
 *   a1 = (0.24968 + 0.24961v) + ((0.80008 + 1.23328v) + (0.49599 + 3.17316v)d)d
 *      = 0.2621605 + (0.861744 + 0.0654648) 0.1 = 0.35488138
 *   a3 = (0.25149 + 0.21474v) + ((-0.83249 + 1.41498v) + (0.85181 - 4.90094v)d)d = 0.19212053
 *   a2 = 1 - a1 - a3; T = [0, t2 td, td] with t2 = 0.4999 + ((0.46159 + 8.57843v)v
 *      + ((4.26169 - 108.644v)v + (1.75601 + 336.989v)v d)d)d = 0.504701
 * 2hump_ei, 3hump_ei: times (in 1/40 s) and amplitudes as Klipper's cubics in d,
 *   e.g. 2hump_ei a1 = 0.16054 + 0.076699 + 0.0226560 - 0.0012275 = 0.2586675,
 *   t2 = (0.49890 + 0.016270 - 0.0054262 + 0.0061618) / 40 = 0.01289764 s.
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
        Shaper ei = build("ei");
        assertArrayEquals(new double[] {0.35488138, 0.45299809, 0.19212053}, ei.a(), EPS);
        assertArrayEquals(new double[] {0., 0.012681003716178533, TD}, ei.t(), EPS);
        Shaper tight = build("ei(v_tol=0.02)");
        assertArrayEquals(new double[] {0.342741292, 0.474355036, 0.182903672}, tight.a(), EPS);
        assertArrayEquals(new double[] {0., 0.012607043473309543, TD}, tight.t(), EPS);
    }

    @Test
    void eiAt50HzEndsItsStepWindow11643MicrosecondsAfterItsCentre() {
        // Klipper's reference output of generic_cartesian shows a homing move
        // starting 0.0116434 s after its nominal start with ei at 50 Hz: the
        // time of the last impulse minus the amplitude-weighted mean time
        // (t2 = 0.504701 periods of 1 / (50 * 0.99498743710662) s).
        Shaper ei = ShaperDefinitions.build("ei", 50., .1, Map.of());
        double[] a = ei.a();
        double[] t = ei.t();
        double centre = (a[1] * t[1] + a[2] * t[2]) / (a[0] + a[1] + a[2]);
        assertEquals(0.0116434, t[2] - centre, 1e-7);
    }

    @Test
    void twoHumpEi() {
        Shaper s = build("2hump_ei");
        assertArrayEquals(new double[] {0.2586675, 0.3601195, 0.27290311, 0.10882055}, s.a(), EPS);
        assertArrayEquals(new double[] {0., 0.01289764, 0.025205155, 0.0372231575}, s.t(), EPS);
    }

    @Test
    void threeHumpEi() {
        Shaper s = build("3hump_ei");
        assertArrayEquals(new double[] {0.2208542, 0.2772112, 0.25969944, 0.167055, 0.0751792}, s.a(), EPS);
        assertArrayEquals(new double[] {0., 0.0135125475, 0.025701275, 0.037647475, 0.0495731775}, s.t(), EPS);
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
