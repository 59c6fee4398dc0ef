/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ShaperSpecTest {

    @Test
    void plainNameHasNoParameters() {
        ShaperSpec s = ShaperSpec.parse(" MZV ");
        assertEquals("mzv", s.family());
        assertEquals("mzv", s.text());
        assertTrue(s.params().isEmpty());
    }

    @Test
    void positionalParametersFillTheFamilyParametersInOrder() {
        ShaperSpec s = ShaperSpec.parse("mzv(5,0.6)");
        assertEquals("mzv", s.family());
        assertEquals("mzv(5,0.6)", s.text());
        assertEquals(Map.of("n", 5., "t", .6), s.params());
    }

    @Test
    void namedParameter() {
        assertEquals(Map.of("v_tol", .02), ShaperSpec.parse("ei(v_tol=0.02)").params());
    }

    @Test
    void customType() {
        assertTrue(ShaperSpec.parse("custom").isCustom());
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertEquals("Unsupported shaper type: foo", message("foo"));
        assertEquals("Unsupported shaper type: foo(1)", message("foo(1)"));
        assertEquals("Unsupported parameter 'q' for shaper ei", message("ei(q=1)"));
        assertEquals("Mixing named and non-named shaper parameters is not supported", message("mzv(5, t=0.6)"));
        assertEquals("Shaper zv takes at most 0 parameter(s), got 1", message("zv(3)"));
        assertEquals("Invalid shaper parameter value 'abc'", message("ei(v_tol=abc)"));
    }

    private static String message(String spec) {
        return assertThrows(ShaperException.class, () -> ShaperSpec.parse(spec)).getMessage();
    }
}
