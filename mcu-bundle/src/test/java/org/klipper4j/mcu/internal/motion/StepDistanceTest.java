/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakePrinter;

/** rotation_distance, microsteps, full_steps_per_rotation and gear_ratio as Klipper's parse_step_distance. */
class StepDistanceTest {
    private final FakePrinter printer = new FakePrinter();

    private double[] parse(boolean radians, String... options) {
        return StepDistance.parse(FakeConfig.of(printer, "stepper_a", options), radians);
    }

    private String error(boolean radians, String... options) {
        return assertThrows(ConfigException.class, () -> parse(radians, options)).getMessage();
    }

    @Test
    void stepsPerRotationMultiplyFullStepsMicrostepsAndEveryGearPair() {
        double[] d = parse(false, "rotation_distance", "40", "microsteps", "16", "gear_ratio", "80:20, 16:48");

        assertEquals(40., d[0]);
        // 200 * 16 * (80/20) * (16/48)
        assertEquals(200 * 16 * 4. / 3., d[1], 1e-9);
    }

    @Test
    void fullStepsPerRotationMustBeAMultipleOfFour() {
        assertEquals(400. * 8, parse(false, "rotation_distance", "8", "microsteps", "8",
                "full_steps_per_rotation", "400")[1]);
        assertEquals("full_steps_per_rotation invalid in section 'stepper_a'", error(false,
                "rotation_distance", "8", "microsteps", "8", "full_steps_per_rotation", "201"));
    }

    @Test
    void rotaryAxesTurnInRadiansAndNeedAGearRatio() {
        double[] d = parse(true, "microsteps", "16", "gear_ratio", "80:16");

        assertEquals(2. * Math.PI, d[0], 1e-15);
        assertEquals(200 * 16 * 5., d[1], 1e-9);
        assertEquals("Option 'gear_ratio' in section 'stepper_a' must be specified",
                error(true, "microsteps", "16"));
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("Option 'gear_ratio' in section 'stepper_a' must have 2 elements",
                error(false, "rotation_distance", "40", "microsteps", "16", "gear_ratio", "80"));
        assertEquals("Unable to parse option 'gear_ratio' in section 'stepper_a'",
                error(false, "rotation_distance", "40", "microsteps", "16", "gear_ratio", "80:x"));
        assertEquals("Option 'rotation_distance' in section 'stepper_a' must be above 0.0",
                error(false, "rotation_distance", "0", "microsteps", "16"));
        assertEquals("Option 'microsteps' in section 'stepper_a' must be specified",
                error(false, "rotation_distance", "40"));
    }
}
