/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.gcode.CommandError;

/**
 * A build volume of radius 10 (maxXy2 100), Z from 0 to 200, tapered above 150,
 * home position (0, 0, 210).
 */
class DeltaBuildVolumeTest {
    private final DeltaBuildVolume volume = new DeltaBuildVolume(100., 0., 200., 150., new double[] {0., 0., 210.});

    /** A move ending at {@code end} that changed Z by {@code dz}; its move error carries the message. */
    private static ToolheadMove move(double[] end, double dz) {
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "endPos" -> end.clone();
            case "axesD" -> new double[] {1., 1., dz, 0.};
            case "moveError" -> args == null ? InvocationHandler.invokeDefault(proxy, method)
                    : new CommandError((String) args[0]);
            default -> throw new UnsupportedOperationException(method.getName());
        };
        return (ToolheadMove) Proxy.newProxyInstance(ToolheadMove.class.getClassLoader(),
                new Class<?>[] {ToolheadMove.class}, h);
    }

    @Test
    void nothingMovesBeforeAllAxesAreHomed() {
        volume.positionSet("xz");
        CommandError e = assertThrows(CommandError.class, () -> volume.checkReach(move(new double[] {0, 0, 5}, 1)));
        assertEquals("Must home first", e.getMessage());
        assertEquals("", volume.status().get("homed_axes"));
    }

    @Test
    void theCylinderTapersAboveLimitZ() {
        volume.positionSet("xyz");
        assertEquals(100., volume.checkReach(move(new double[] {6, 8, 10}, 0)));
        CommandError e = assertThrows(CommandError.class, () -> volume.checkReach(move(new double[] {6, 9, 10}, 0)));
        assertEquals("Move out of range", e.getMessage());
        // 5 below the top only a radius of 5 is reachable
        assertEquals(25., volume.checkReach(move(new double[] {3, 4, 195}, 0)));
        assertThrows(CommandError.class, () -> volume.checkReach(move(new double[] {3, 5, 195}, 0)));
        assertThrows(CommandError.class, () -> volume.checkReach(move(new double[] {0, 0, -1}, 1)));
    }

    @Test
    void theMoveUpToTheHomePositionIsAllowedAboveMaxZ() {
        volume.positionSet("xyz");
        assertEquals(-1., volume.checkReach(move(new double[] {0, 0, 205}, 5)));
        assertThrows(CommandError.class, () -> volume.checkReach(move(new double[] {0, 0, 211}, 5)));
        assertThrows(CommandError.class, () -> volume.checkReach(move(new double[] {1, 0, 205}, 5)));
    }

    @Test
    void onlyXyMovesInsideTheKnownGoodRadiusSkipTheChecks() {
        volume.setKnownGoodXy2(25.);
        assertTrue(volume.isKnownGood(move(new double[] {3, 4, 10}, 0)));
        assertFalse(volume.isKnownGood(move(new double[] {3, 5, 10}, 0)));
        assertFalse(volume.isKnownGood(move(new double[] {3, 4, 10}, 1)));
        volume.positionSet("");
        assertFalse(volume.isKnownGood(move(new double[] {3, 4, 10}, 0)));
    }

    @Test
    void unhomingAnyAxisUnhomesAllAndStatusGivesTheCylinder() {
        volume.positionSet("xyz");
        volume.clearHoming("");
        Map<String, Object> st = volume.status();
        assertEquals("xyz", st.get("homed_axes"));
        assertEquals(List.of(10., 10., 200., 0.), st.get("axis_maximum"));
        assertEquals(List.of(-10., -10., 0., 0.), st.get("axis_minimum"));
        volume.clearHoming("y");
        assertEquals("", volume.status().get("homed_axes"));
    }

    @Test
    void aMissingCalibrationParameterIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeltaTowers.perTower(Map.of("arm_a", 1., "arm_b", 2.), "arm_"));
        assertEquals("missing delta parameter arm_c", e.getMessage());
        assertEquals("stepper_c", DeltaTowers.stepperSectionName(2));
        assertEquals("297.050000", DeltaTowers.formatCalibrated(297.05));
    }
}
