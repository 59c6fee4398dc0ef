/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.idex.DualCarriages;
import org.klipper4j.kinematics.testing.MoveGcodeRun;

/** generic_cartesian configs on a simulated MCU: carriages, stepper sums, checks and SET_STEPPER_CARRIAGES. */
class GenericCartesianKinematicsTest {
    private static final String MCU_AND_PRINTER = """
            [mcu]
            serial: /dev/ttyACM0

            [printer]
            kinematics: generic_cartesian
            max_velocity: 300
            max_accel: 3000
            max_z_velocity: 5
            max_z_accel: 100
            """;

    private static final String COREXY_CARRIAGES = """
            [carriage x]
            position_endstop: 0
            position_max: 200
            homing_speed: 50
            endstop_pin: ^PE5

            [carriage y]
            position_endstop: 0
            position_max: 150
            homing_speed: 50
            endstop_pin: ^PJ1

            [carriage z]
            position_endstop: 0.5
            position_max: 100
            endstop_pin: ^PD3
            """;

    @TempDir
    Path dir;

    private static String stepper(String name, String carriages, String step, String dir) {
        return "[stepper " + name + "]\ncarriages: " + carriages + "\nstep_pin: " + step + "\ndir_pin: " + dir
                + "\nmicrosteps: 16\nrotation_distance: 40\n\n";
    }

    private static String corexySteppers() {
        return stepper("a", "x+y", "PF0", "PF1") + stepper("b", "x-y", "PF6", "PF7") + stepper("z", "z", "PL3", "PL1");
    }

    private MoveGcodeRun printer(String config) throws Exception {
        return new MoveGcodeRun(dir, "generic_cartesian", new GenericCartesianKinematicsFactory(),
                MCU_AND_PRINTER + config);
    }

    private static GenericCartesianKinematics kin(MoveGcodeRun run) {
        return (GenericCartesianKinematics) run.toolhead.getKinematics();
    }

    @Test
    void corexyFromCarriageSums() throws Exception {
        MoveGcodeRun run = printer(COREXY_CARRIAGES + corexySteppers());
        GenericCartesianKinematics kin = kin(run);
        assertEquals(List.of("stepper a", "stepper b", "stepper z"),
                kin.getSteppers().stream().map(s -> s.getName()).toList());
        // a = x + y, b = x - y
        assertEquals(30., kin.getSteppers().get(0).calcPositionFromCoord(10., 20., 1.));
        assertEquals(-10., kin.getSteppers().get(1).calcPositionFromCoord(10., 20., 1.));
        assertArrayEquals(new double[] {10., 20., 1.},
                kin.calcPosition(Map.of("stepper a", 30., "stepper b", -10., "stepper z", 1.)), 1e-12);
        assertEquals(List.of(0., 0., 0., 0.), kin.getStatus(0.).get("axis_minimum"));
        assertEquals(List.of(200., 150., 100., 0.), kin.getStatus(0.).get("axis_maximum"));
        assertEquals("", kin.getStatus(0.).get("homed_axes"));
        run.printer.run("G28");
        assertEquals("xyz", kin.getStatus(0.).get("homed_axes"));
    }

    @Test
    void movesBeforeHomingAreRefused() throws Exception {
        MoveGcodeRun run = printer(COREXY_CARRIAGES + corexySteppers());
        CommandError e = assertThrows(CommandError.class, () -> run.move(10., 0., 0.));
        assertEquals("Must home axis first: 10.000 0.000 0.000 [0.000]", e.getMessage());
    }

    @Test
    void everyAxisNeedsACarriage() {
        String noZ = COREXY_CARRIAGES.substring(0, COREXY_CARRIAGES.indexOf("[carriage z]"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> printer(noZ + stepper("a", "x+y", "PF0", "PF1") + stepper("b", "x-y", "PF6", "PF7")));
        assertEquals("No carriage defined for axis 'z'", e.getMessage());
    }

    @Test
    void stepperSumsMustMoveEveryAxisIndependently() {
        ConfigException e = assertThrows(ConfigException.class, () -> printer(COREXY_CARRIAGES
                + stepper("a", "x+y", "PF0", "PF1") + stepper("b", "2*x+2*y", "PF6", "PF7")
                + stepper("z", "z", "PL3", "PL1")));
        assertEquals("Verify configured stepper(s) and their 'carriages' specifications, the current configuration"
                + " does not allow independent movements of all printer axes.", e.getMessage());
    }

    @Test
    void badCarriageSumsAreNamed() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> printer(COREXY_CARRIAGES
                + stepper("a", "x+q", "PF0", "PF1")));
        assertEquals("Invalid 'q' carriage referenced in 'x+q'", unknown.getMessage());
        ConfigException twice = assertThrows(ConfigException.class, () -> printer(COREXY_CARRIAGES
                + stepper("a", "x-0.5*x", "PF0", "PF1")));
        assertEquals("Axis 'x' was referenced multiple times by carriages in 'x-0.5*x'", twice.getMessage());
        ConfigException badFloat = assertThrows(ConfigException.class, () -> printer(COREXY_CARRIAGES
                + stepper("a", "two*x", "PF0", "PF1")));
        assertEquals("Invalid float 'two'", badFloat.getMessage());
    }

    @Test
    void anExtraCarriageNoStepperUsesIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> printer(COREXY_CARRIAGES
                + "[extra_carriage y1]\nprimary_carriage: y\nendstop_pin: ^PB6\n\n" + corexySteppers()));
        assertEquals("Carriage(s) y1 must be referenced by some stepper(s)", e.getMessage());
    }

    @Test
    void setStepperCarriagesChangesOnlyCoefficients() throws Exception {
        MoveGcodeRun run = printer(COREXY_CARRIAGES + corexySteppers());
        GenericCartesianKinematics kin = kin(run);
        // swapping the two sums passes through a state with a = b: unchecked (DISABLE_CHECKS=1)
        kin.setStepperCarriages("a", "x-y", false, CommandError::new);
        kin.setStepperCarriages("stepper b", "x+y", true, CommandError::new);
        assertEquals(-10., kin.getSteppers().get(0).calcPositionFromCoord(10., 20., 1.));
        assertEquals(30., kin.getSteppers().get(1).calcPositionFromCoord(10., 20., 1.));
        CommandError other = assertThrows(CommandError.class,
                () -> kin.setStepperCarriages("a", "x+z", true, CommandError::new));
        assertEquals("SET_STEPPER_CARRIAGES cannot add or remove carriages that the stepper controls",
                other.getMessage());
        // refused: the old sum stays
        assertEquals(-10., kin.getSteppers().get(0).calcPositionFromCoord(10., 20., 1.));
        CommandError unknown = assertThrows(CommandError.class,
                () -> kin.setStepperCarriages("c", "x", true, CommandError::new));
        assertEquals("Invalid STEPPER 'c' specified", unknown.getMessage());
        CommandError degenerate = assertThrows(CommandError.class,
                () -> kin.setStepperCarriages("a", "x+y", true, CommandError::new));
        assertEquals("Verify configured stepper(s) and their 'carriages' specifications, the current configuration"
                + " does not allow independent movements of all printer axes.", degenerate.getMessage());
    }

    @Test
    void aDualCarriageOnXStartsParked() throws Exception {
        String config = COREXY_CARRIAGES + """
                [dual_carriage u]
                primary_carriage: x
                position_endstop: 200
                position_max: 200
                homing_speed: 50
                endstop_pin: ^PE4

                """ + corexySteppers() + stepper("c", "u+y", "PH1", "PH0") + stepper("d", "u-y", "PE3", "PH6");
        MoveGcodeRun run = printer(config);
        DualCarriages dc = run.printer.lookupObject("dual_carriage", DualCarriages.class);
        assertEquals(Map.of("x", "PRIMARY", "u", "INACTIVE"), dc.getStatus(0.).get("carriages"));
        assertEquals("INACTIVE", dc.getStatus(0.).get("carriage_1"));
        run.printer.run("G28");
        assertEquals("xyz", kin(run).getStatus(0.).get("homed_axes"));
        // homing ends on carriage x; u is parked at its endstop
        assertEquals(Map.of("x", "PRIMARY", "u", "INACTIVE"), dc.getStatus(0.).get("carriages"));
        assertEquals(200., dc.getCarriages().get("u").getAxisPosition(run.toolhead.getPosition()));
    }
}
