/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.kinematics.testing.StepStreams;

/** [extruder] sections on a simulated cartesian printer: limits, errors, commands and status. */
class ExtruderTest {
    @TempDir
    Path dir;

    static final String AXES = """
            [stepper_x]
            step_pin: PF0
            dir_pin: PF1
            enable_pin: !PD7
            microsteps: 16
            rotation_distance: 40
            endstop_pin: ^PE5
            position_endstop: 0
            position_max: 200

            [stepper_y]
            step_pin: PF6
            dir_pin: !PF7
            enable_pin: !PF2
            microsteps: 16
            rotation_distance: 40
            endstop_pin: ^PJ1
            position_endstop: 0
            position_max: 200

            [stepper_z]
            step_pin: PL3
            dir_pin: PL1
            enable_pin: !PK0
            microsteps: 16
            rotation_distance: 8
            endstop_pin: ^PD3
            position_endstop: 0.5
            position_max: 200

            [mcu]
            serial: /dev/ttyACM0

            [printer]
            kinematics: cartesian
            max_velocity: 500
            max_accel: 3000
            max_z_velocity: 25
            max_z_accel: 30
            """;

    /** 3200 microsteps per 32 mm: exactly 100 steps per mm. */
    static final String EXTRUDER = """
            [extruder]
            step_pin: PA4
            dir_pin: PA6
            enable_pin: !PA2
            microsteps: 16
            rotation_distance: 32
            nozzle_diameter: 0.400
            filament_diameter: 1.750
            heater_pin: PB4
            sensor_type: EPCOS 100K B57560G104F
            sensor_pin: PK5
            control: pid
            pid_Kp: 22.2
            pid_Ki: 1.08
            pid_Kd: 114
            min_temp: 0
            max_temp: 210
            """;

    private ExtruderPrinter printer(String extra) throws Exception {
        return new ExtruderPrinter(dir, AXES + "\n" + EXTRUDER + extra);
    }

    private static List<Long> eSteps(ExtruderPrinter p) {
        return StepStreams.fromSim(p.printer.mcu).getOrDefault("PA4", List.of());
    }

    @Test
    void extruderBecomesTheToolheadsExtruderWithItsHeater() throws Exception {
        ExtruderPrinter p = printer("");
        PrinterExtruder e = p.extruder("extruder");
        assertSame(e, p.toolhead.getExtruder());
        assertEquals("extruder", p.toolhead.getStatus(0).get("extruder"));
        assertEquals("T0", p.heaters.gcodeIds.get("extruder"));
        assertSame(p.heaters.heaters.get("extruder"), e.getHeater());
    }

    @Test
    void statusHasHeaterStepperAndPressureAdvance() throws Exception {
        ExtruderPrinter p = printer("");
        p.heaters.heaters.get("extruder").target = 200.;
        Map<String, Object> st = p.extruder("extruder").getStatus(0);
        assertEquals(25., st.get("temperature"));
        assertEquals(200., st.get("target"));
        assertEquals(0., st.get("power"));
        assertEquals(true, st.get("can_extrude"));
        assertEquals(0., st.get("pressure_advance"));
        assertEquals(.04, st.get("smooth_time"));
        assertTrue(st.containsKey("motion_queue"));
        assertNull(st.get("motion_queue"));
    }

    @Test
    void eStepsOfMovesMatchTheHandCount() throws Exception {
        ExtruderPrinter p = printer("");
        p.home();
        // 100 steps/mm: +2 mm with XY motion, -1 mm retract, +0.5 mm extrude only
        p.move(10, 10, 0.5, 2., 50.);
        p.move(10, 10, 0.5, 1., 25.);
        p.move(10, 10, 0.5, 1.5, 25.);
        p.toolhead.flushStepGeneration();
        List<Long> steps = eSteps(p);
        long forward = steps.stream().filter(c -> c > 0).count();
        long backward = steps.stream().filter(c -> c < 0).count();
        assertEquals(250, forward);
        assertEquals(100, backward);
        // in order: 200 forward, 100 back, 50 forward
        assertTrue(steps.subList(0, 200).stream().allMatch(c -> c > 0));
        assertTrue(steps.subList(200, 300).stream().allMatch(c -> c < 0));
        assertTrue(steps.subList(300, 350).stream().allMatch(c -> c > 0));
    }

    @Test
    void extrudeOnlyMoveStepsFollowItsAcceleration() throws Exception {
        // 1 mm at most 10 mm/s and 100 mm/s^2: accelerating to 10 mm/s takes 0.1 s and 0.5 mm
        ExtruderPrinter p = printer("max_extrude_only_velocity: 10\nmax_extrude_only_accel: 100\n");
        p.home();
        p.move(0, 0, 0.5, 1., 100.);
        p.toolhead.flushStepGeneration();
        List<Long> steps = eSteps(p);
        assertEquals(100, steps.size());
        // step n (from 1) at (n - 0.5) / 100 mm: during accel t = sqrt(2 d / a)
        long first = steps.get(0);
        long clocksPerSecond = 16_000_000;
        for (int n : new int[] {2, 10, 40}) {
            double t = Math.sqrt(2. * (n - .5) / 100. / 100.) - Math.sqrt(2. * .5 / 100. / 100.);
            assertEquals(t * clocksPerSecond, steps.get(n - 1) - first, 2 * 400 + 1, "step " + n);
        }
        // the cruise: 10 mm/s is 0.01 s between steps
        // never faster than 10 mm/s (1 ms per step), and close to it at the peak
        long minInterval = Long.MAX_VALUE;
        for (int i = 1; i < steps.size(); i++) {
            minInterval = Math.min(minInterval, steps.get(i) - steps.get(i - 1));
        }
        assertTrue(minInterval >= .001 * clocksPerSecond - 2 * 400 - 1, "interval " + minInterval);
        assertTrue(minInterval < .00103 * clocksPerSecond, "interval " + minInterval);
        // decelerating to rest mirrors the start: the last interval equals the first
        assertEquals(steps.get(1) - first, steps.get(99) - steps.get(98), 2 * 400 + 1);
    }

    @Test
    void extrudeOnlyMoveTooLong() throws Exception {
        ExtruderPrinter p = printer("");
        p.home();
        CommandError e = assertThrows(CommandError.class, () -> p.move(0, 0, 0.5, 60., 10.));
        assertEquals("Extrude only move too long (60.000mm vs 50.000mm)\n"
                + "See the 'max_extrude_only_distance' config option for details", e.getMessage());
    }

    @Test
    void overExtrusionIsRefused() throws Exception {
        ExtruderPrinter p = printer("");
        p.home();
        // 1 mm of XY with 5 mm of filament: 5 * pi * 0.875^2 = 12.026 mm^2, limit 4 * 0.4^2 = 0.640 mm^2
        CommandError e = assertThrows(CommandError.class, () -> p.move(1, 0, 0.5, 5., 10.));
        assertEquals("Move exceeds maximum extrusion (12.026mm^2 vs 0.640mm^2)\n"
                + "See the 'max_extrude_cross_section' config option for details", e.getMessage());
        // a tiny extrusion passes whatever its ratio: at most nozzle_diameter * max ratio of filament
        p.move(0.001, 0, 0.5, 0.1, 10.);
    }

    @Test
    void coldExtrusionIsRefused() throws Exception {
        ExtruderPrinter p = printer("");
        p.home();
        p.heaters.heaters.get("extruder").canExtrude = false;
        CommandError e = assertThrows(CommandError.class, () -> p.move(10, 0, 0.5, 1., 10.));
        assertEquals("Extrude below minimum temp\nSee the 'min_extrude_temp' config option for details",
                e.getMessage());
        assertFalse((Boolean) p.extruder("extruder").getStatus(0).get("can_extrude"));
    }

    @Test
    void configRangeErrors() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ExtruderPrinter(dir, AXES + EXTRUDER.replace("0.400", "0")));
        assertTrue(e.getMessage().contains("nozzle_diameter"), e.getMessage());
        assertTrue(e.getMessage().contains("must be above 0.0"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new ExtruderPrinter(dir, AXES + EXTRUDER + "pressure_advance_smooth_time: 0.3\n"));
        assertTrue(e.getMessage().contains("pressure_advance_smooth_time"), e.getMessage());
        assertTrue(e.getMessage().contains("must have maximum of 0.2"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new ExtruderPrinter(dir, AXES + EXTRUDER.replace("1.750", "0.3")));
        assertTrue(e.getMessage().contains("filament_diameter"), e.getMessage());
        assertTrue(e.getMessage().contains("must have minimum of 0.4"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> new ExtruderPrinter(dir, AXES + EXTRUDER.replace("nozzle_diameter: 0.400\n", "")));
        assertTrue(e.getMessage().contains("nozzle_diameter"), e.getMessage());
    }

    @Test
    void setPressureAdvanceChangesStatusAndReplies() throws Exception {
        ExtruderPrinter p = printer("pressure_advance: 0.05\n");
        PrinterExtruder e = p.extruder("extruder");
        assertEquals(.05, e.getStatus(0).get("pressure_advance"));
        assertEquals(.02, e.getExtruderStepper().getKinematics().getHalfSmoothTime());
        assertEquals(.05, e.getExtruderStepper().getKinematics().advanceAt(1e9));
        p.gcode.run("SET_PRESSURE_ADVANCE", "ADVANCE", "0.1", "SMOOTH_TIME", "0.1");
        assertEquals(.1, e.getStatus(0).get("pressure_advance"));
        assertEquals(.1, e.getStatus(0).get("smooth_time"));
        assertEquals("pressure_advance: 0.100000\npressure_advance_smooth_time: 0.100000",
                p.gcode.responses.get(p.gcode.responses.size() - 1));
        assertEquals(.05, e.getExtruderStepper().getKinematics().getHalfSmoothTime());
        assertEquals(.1, e.getExtruderStepper().getKinematics().advanceAt(1e9));
        // by name, one parameter at a time
        p.gcode.run("SET_PRESSURE_ADVANCE", "EXTRUDER", "extruder", "ADVANCE", "0");
        assertEquals(0., e.getStatus(0).get("pressure_advance"));
        assertEquals(.1, e.getStatus(0).get("smooth_time"));
        // advance 0 turns smoothing off in the kinematics
        assertEquals(0., e.getExtruderStepper().getKinematics().getHalfSmoothTime());
    }

    @Test
    void setPressureAdvanceRangeErrors() throws Exception {
        ExtruderPrinter p = printer("");
        CommandError e = assertThrows(CommandError.class,
                () -> p.gcode.run("SET_PRESSURE_ADVANCE", "ADVANCE", "-1"));
        assertTrue(e.getMessage().endsWith("ADVANCE must have minimum of 0.0"), e.getMessage());
        e = assertThrows(CommandError.class, () -> p.gcode.run("SET_PRESSURE_ADVANCE", "SMOOTH_TIME", "0.5"));
        assertTrue(e.getMessage().endsWith("SMOOTH_TIME must have maximum of 0.2"), e.getMessage());
        assertEquals(0., p.extruder("extruder").getStatus(0).get("pressure_advance"));
        assertEquals(.04, p.extruder("extruder").getStatus(0).get("smooth_time"));
    }

    @Test
    void pressureAdvanceMovesStepsEarlierButNotTheirCount() throws Exception {
        ExtruderPrinter plain = printer("");
        Path other = java.nio.file.Files.createDirectories(dir.resolve("pa"));
        ExtruderPrinter advanced = new ExtruderPrinter(other, AXES + EXTRUDER + "pressure_advance: 0.1\n");
        for (ExtruderPrinter p : List.of(plain, advanced)) {
            p.home();
            p.move(50, 0, 0.5, 1., 50.);
            p.toolhead.flushStepGeneration();
        }
        List<Long> a = eSteps(plain);
        List<Long> b = eSteps(advanced);
        assertEquals(100, a.size());
        // with advance the filament may briefly go back while decelerating; the net is the same
        long net = b.stream().filter(c -> c > 0).count() - b.stream().filter(c -> c < 0).count();
        assertEquals(100, net);
        // measured from the first X step: the plain extrusion's first half step (0.005 mm of
        // filament = 0.25 mm of X) comes 12.9 ms into the move, the advanced one within about 1 ms
        long plainDelay = a.get(0) - firstXStepOfLastMove(plain);
        long advancedDelay = b.get(0) - firstXStepOfLastMove(advanced);
        assertEquals((Math.sqrt(2 * .25 / 3000) - Math.sqrt(2 * .00625 / 3000)) * 16_000_000, plainDelay,
                2 * 400 + 1);
        assertTrue(advancedDelay < plainDelay - 10 * 16_000, "advanced " + advancedDelay + " plain " + plainDelay);
    }

    /** The last move went 50 mm in X: its 4000 steps of 0.0125 mm end the X stream. */
    private static long firstXStepOfLastMove(ExtruderPrinter p) {
        List<Long> xs = StepStreams.fromSim(p.printer.mcu).get("PF0");
        return xs.get(xs.size() - 4000);
    }

    @Test
    void rotationDistanceIsReported() throws Exception {
        ExtruderPrinter p = printer("");
        p.gcode.run("SET_EXTRUDER_ROTATION_DISTANCE", "EXTRUDER", "extruder");
        assertEquals("Extruder 'extruder' rotation distance set to 32.000000",
                p.gcode.responses.get(p.gcode.responses.size() - 1));
    }

    @Test
    void negativeRotationDistanceFlipsTheDirectionAndIsReportedNegative() throws Exception {
        ExtruderPrinter p = printer("");
        p.gcode.run("SET_EXTRUDER_ROTATION_DISTANCE", "EXTRUDER", "extruder", "DISTANCE", "-33.1");
        assertEquals("Extruder 'extruder' rotation distance set to -33.100000",
                p.gcode.responses.get(p.gcode.responses.size() - 1));
        org.klipper4j.core.api.gcode.CommandError zero = org.junit.jupiter.api.Assertions.assertThrows(
                org.klipper4j.core.api.gcode.CommandError.class,
                () -> p.gcode.run("SET_EXTRUDER_ROTATION_DISTANCE", "EXTRUDER", "extruder", "DISTANCE", "0"));
        assertEquals("Rotation distance can not be zero", zero.getMessage());
        p.gcode.run("SET_EXTRUDER_ROTATION_DISTANCE", "EXTRUDER", "extruder", "DISTANCE", "20");
        assertEquals("Extruder 'extruder' rotation distance set to 20.000000",
                p.gcode.responses.get(p.gcode.responses.size() - 1));
    }

    @Test
    void secondExtruderActivatesWithItsOwnPosition() throws Exception {
        ExtruderPrinter p = printer(EXTRUDER.replace("[extruder]", "[extruder1]").replace("PA4", "PC1")
                .replace("PA6", "PC3").replace("PA2", "PC7").replace("PB4", "PH6").replace("PK5", "PK7"));
        PrinterExtruder e1 = p.extruder("extruder1");
        assertEquals("T1", p.heaters.gcodeIds.get("extruder1"));
        p.home();
        p.move(0, 0, 0.5, 2., 10.);
        p.gcode.run("ACTIVATE_EXTRUDER", "EXTRUDER", "extruder1");
        assertSame(e1, p.toolhead.getExtruder());
        assertEquals("extruder1", p.heaters.activeExtruder);
        assertEquals("Activating extruder extruder1", p.gcode.responses.get(p.gcode.responses.size() - 1));
        assertEquals(0., p.toolhead.getPosition()[3]);
        p.gcode.run("ACTIVATE_EXTRUDER", "EXTRUDER", "extruder1");
        assertEquals("Extruder extruder1 already active", p.gcode.responses.get(p.gcode.responses.size() - 1));
        p.gcode.run("ACTIVATE_EXTRUDER", "EXTRUDER", "extruder");
        assertEquals(2., p.toolhead.getPosition()[3]);
    }

    @Test
    void defaultPressureAdvanceNeedsAnActiveExtruderWithAStepper() throws Exception {
        String heaterOnly = "\n[extruder1]\nnozzle_diameter: 0.4\nfilament_diameter: 1.75\nheater_pin: PH6\n"
                + "sensor_type: EPCOS 100K B57560G104F\nsensor_pin: PK7\ncontrol: watermark\nmin_temp: 0\n"
                + "max_temp: 250\n";
        ExtruderPrinter p = printer(heaterOnly);
        Map<String, Object> st = p.extruder("extruder1").getStatus(0);
        assertFalse(st.containsKey("pressure_advance"));
        assertEquals(true, st.get("can_extrude"));
        p.gcode.run("ACTIVATE_EXTRUDER", "EXTRUDER", "extruder1");
        CommandError e = assertThrows(CommandError.class,
                () -> p.gcode.run("SET_PRESSURE_ADVANCE", "ADVANCE", "0.1"));
        assertEquals("Active extruder does not have a stepper", e.getMessage());
        // an extrude move on it is checked and timed, though nothing steps
        p.home();
        p.move(10, 0, 0.5, 0.5, 50.);
        p.toolhead.flushStepGeneration();
        assertEquals(List.of(), eSteps(p));
    }

    @Test
    void extruderIndexFromSectionName() {
        assertEquals(0, ExtruderModule.extruderIndex("extruder"));
        assertEquals(3, ExtruderModule.extruderIndex("extruder3"));
        assertEquals(10, ExtruderModule.extruderIndex("extruder10"));
        assertThrows(ConfigException.class, () -> ExtruderModule.extruderIndex("extruderX"));
    }
}
