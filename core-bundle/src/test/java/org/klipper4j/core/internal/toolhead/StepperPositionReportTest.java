/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;

class StepperPositionReportTest {

    private static Stepper stepper(String name, double commanded, long mcu) {
        return (Stepper) Proxy.newProxyInstance(Stepper.class.getClassLoader(), new Class<?>[] {Stepper.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "getCommandedPosition" -> commanded;
                    case "getMcuPosition" -> mcu;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A corexy-like kinematics: x = (a + b) / 2, y = (a - b) / 2, z = z. */
    private static Kinematics corexy(List<Stepper> steppers) {
        return (Kinematics) Proxy.newProxyInstance(Kinematics.class.getClassLoader(),
                new Class<?>[] {Kinematics.class}, (p, m, a) -> switch (m.getName()) {
                    case "getSteppers" -> steppers;
                    case "calcPosition" -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Double> pos = (Map<String, Double>) a[0];
                        double sa = pos.get("stepper_a");
                        double sb = pos.get("stepper_b");
                        yield new double[] {(sa + sb) / 2, (sa - sb) / 2, pos.get("stepper_z")};
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void linesReadAsKlippersGetPosition() {
        Kinematics kin = corexy(List.of(stepper("stepper_a", 30, 2400), stepper("stepper_b", 10, -800),
                stepper("stepper_z", 1.25, 500)));
        StepperPositionReport report = new StepperPositionReport(() -> kin);

        assertEquals("stepper_a:2400 stepper_b:-800 stepper_z:500", report.mcuPositions());
        assertEquals("stepper_a:30.000000 stepper_b:10.000000 stepper_z:1.250000", report.stepperPositions());
        assertEquals("X:20.000000 Y:10.000000 Z:1.250000", report.kinematicPositions());
    }
}
