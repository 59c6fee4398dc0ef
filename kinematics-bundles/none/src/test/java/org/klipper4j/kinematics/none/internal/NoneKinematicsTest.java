/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.none.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NoneKinematicsTest {
    private final NoneKinematics kin = new NoneKinematics();

    @Test
    void hasNoSteppersAndStaysAtOrigin() {
        assertTrue(kin.getSteppers().isEmpty());
        kin.setPosition(new double[] {10, 20, 30}, "xyz");
        assertArrayEquals(new double[] {0, 0, 0}, kin.calcPosition(Map.of("stepper_x", 5.0)));
    }

    @Test
    void statusReportsNothingHomedAndZeroLimits() {
        kin.setPosition(new double[] {1, 2, 3}, "xyz");
        Map<String, Object> status = kin.getStatus(0);
        assertEquals("", status.get("homed_axes"));
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0), status.get("axis_minimum"));
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0), status.get("axis_maximum"));
    }
}
