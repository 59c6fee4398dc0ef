/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMotionQueuing;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeStepper;

/** The [input_shaper] object: config as in Klipper's input_shaper test, SET_INPUT_SHAPER, status, wiring. */
class InputShaperTest {
    private FakePrinter printer;
    private FakeGCode gcode;
    private FakeStepper stepperX;
    private FakeStepper stepperY;
    private FakeStepper stepperZ;
    /** What the kinematics' getSteppers() answers. */
    private final List<FakeStepper> kinematicSteppers = new ArrayList<>();
    private FakeMotionQueuing mq;
    private int flushes;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
        mq = new FakeMotionQueuing();
        printer.addObject("motion_queuing", mq);
        stepperX = stepper("stepper_x", StepperKinematics.AF_X, mq);
        stepperY = stepper("stepper_y", StepperKinematics.AF_Y, mq);
        stepperZ = stepper("stepper_z", StepperKinematics.AF_Z, mq);
        kinematicSteppers.addAll(List.of(stepperX, stepperY, stepperZ));
        Kinematics kin = (Kinematics) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Kinematics.class}, (p, m, a) -> {
                    if (m.getName().equals("getSteppers")) {
                        return List.copyOf(kinematicSteppers);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        Toolhead toolhead = (Toolhead) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Toolhead.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getKinematics":
                            return kin;
                        case "flushStepGeneration":
                            flushes++;
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        printer.addObject("toolhead", toolhead);
    }

    private static FakeStepper stepper(String name, int flags, FakeMotionQueuing mq) {
        return stepper(name, new int[] {flags}, mq);
    }

    /** A stepper whose axes may change later (a dual carriage parked or driven): {@code flags[0]}. */
    private static FakeStepper stepper(String name, int[] flags, FakeMotionQueuing mq) {
        FakeStepper s = new FakeStepper(name);
        s.setTrapq(mq.trapq);
        s.setStepperKinematics(new StepperKinematics() {
            @Override
            public double calcPosition(TrapMove m, double t) {
                return m.coordX(t);
            }

            @Override
            public int activeFlags() {
                return flags[0];
            }
        });
        return s;
    }

    /** The [input_shaper] section of Klipper's test/klippy/input_shaper.cfg. */
    private InputShaper loadReferenceConfig() {
        FakeConfig config = FakeConfig.of(printer, "input_shaper", "shaper_type_x", "mzv", "shaper_freq_x", "33.2",
                "shaper_type_y", "ei(v_tol=0.02)", "shaper_freq_y", "39.3", "damping_ratio_y", "0.4",
                "shaper_freq_z", "42");
        InputShaper shaper = new InputShaper(config);
        assertEquals(List.of(), config.unused());
        printer.sendEvent(PrinterEvents.CONNECT);
        return shaper;
    }

    private static ShaperPulses pulses(String type, double freq, double damping) {
        return ShaperPulses.of(ShaperSpec.parse(type).build(freq, damping));
    }

    @Test
    void connectWrapsEveryStepperWithItsAxisShaper() {
        loadReferenceConfig();
        ShapedStepperKinematics x = assertInstanceOf(ShapedStepperKinematics.class, stepperX.kinematics);
        ShapedStepperKinematics y = assertInstanceOf(ShapedStepperKinematics.class, stepperY.kinematics);
        ShapedStepperKinematics z = assertInstanceOf(ShapedStepperKinematics.class, stepperZ.kinematics);
        assertEquals(pulses("mzv", 33.2, .1).preActive(), x.genStepsPreActive(), 1e-15);
        assertEquals(pulses("ei(v_tol=0.02)", 39.3, .4).postActive(), y.genStepsPostActive(), 1e-15);
        assertEquals(pulses("mzv", 42., .1).preActive(), z.genStepsPreActive(), 1e-15);
        assertEquals(1, flushes);
    }

    @Test
    void setInputShaperReportsEveryAxis() {
        loadReferenceConfig();
        gcode.run("SET_INPUT_SHAPER");
        assertEquals(List.of("// shaper_type_x:mzv shaper_freq_x:33.200 damping_ratio_x:0.100000",
                "// shaper_type_y:ei(v_tol=0.02) shaper_freq_y:39.300 damping_ratio_y:0.400000",
                "// shaper_type_z:mzv shaper_freq_z:42.000 damping_ratio_z:0.100000"), gcode.output);
    }

    @Test
    void setInputShaperChangesOneAxis() {
        loadReferenceConfig();
        StepperKinematics wrapped = stepperX.kinematics;
        gcode.run("SET_INPUT_SHAPER SHAPER_FREQ_X=22.2 DAMPING_RATIO_X=.1 SHAPER_TYPE_X='mzv(5,0.6)'");
        assertEquals("// shaper_type_x:mzv(5,0.6) shaper_freq_x:22.200 damping_ratio_x:0.100000",
                gcode.output.get(0));
        assertSame(wrapped, stepperX.kinematics, "the stepper keeps its shaping kinematics");
        assertEquals(pulses("mzv(5,0.6)", 22.2, .1).preActive(), wrapped.genStepsPreActive(), 1e-15);
        gcode.output.clear();
        gcode.run("SET_INPUT_SHAPER SHAPER_FREQ_Y=33.3 DAMPING_RATIO_Y=.11 SHAPER_TYPE_Y=2hump_ei");
        assertEquals("// shaper_type_y:2hump_ei shaper_freq_y:33.300 damping_ratio_y:0.110000",
                gcode.output.get(1));
        assertEquals(pulses("2hump_ei", 33.3, .11).postActive(), stepperY.kinematics.genStepsPostActive(), 1e-15);
    }

    @Test
    void aCarriageParkedAtConnectIsShapedOnceItFollowsAnAxis() {
        // the second X carriage of an IDEX printer: parked (no axis) when the printer connects
        int[] flags = {0};
        FakeStepper parked = stepper("dual_carriage", flags, mq);
        kinematicSteppers.add(parked);
        new InputShaper(FakeConfig.of(printer, "input_shaper"));
        printer.sendEvent(PrinterEvents.CONNECT);
        // SET_DUAL_CARRIAGE CARRIAGE=dual_carriage: it follows X now
        flags[0] = StepperKinematics.AF_X;
        gcode.run("SET_INPUT_SHAPER SHAPER_TYPE_X=ei SHAPER_FREQ_X=50");
        ShapedStepperKinematics sk = assertInstanceOf(ShapedStepperKinematics.class, parked.kinematics);
        // ei at 50 Hz, damping 0.1: last impulse 0.0116434 s after the weighted centre
        // (the window of Klipper's generic_cartesian_iqex reference for this carriage)
        assertEquals(0.0116434, sk.genStepsPostActive(), 1e-7);
    }

    @Test
    void frequencyZeroTurnsAnAxisOff() {
        loadReferenceConfig();
        gcode.run("SET_INPUT_SHAPER SHAPER_FREQ_X=0");
        assertEquals(0., stepperX.kinematics.genStepsPreActive());
    }

    @Test
    void badCommandsAreRefusedWithTheReason() {
        loadReferenceConfig();
        assertEquals("Unsupported shaper type: foo", gcode.run("SET_INPUT_SHAPER SHAPER_TYPE_X=foo"));
        assertEquals("Failed to initialize shaper: Too small n=2, must be at least 3",
                gcode.run("SET_INPUT_SHAPER SHAPER_TYPE_X=mzv(2)"));
        assertEquals("SHAPER_TYPE cannot be used together with SHAPER_TYPE_Y",
                gcode.run("SET_INPUT_SHAPER SHAPER_TYPE=zv SHAPER_TYPE_Y=ei"));
        // the rejected commands changed nothing
        gcode.output.clear();
        gcode.run("SET_INPUT_SHAPER");
        assertEquals("// shaper_type_x:mzv shaper_freq_x:33.200 damping_ratio_x:0.100000", gcode.output.get(0));
    }

    @Test
    void statusListsTypeFrequencyAndDamping() {
        InputShaper shaper = loadReferenceConfig();
        Map<String, Object> status = shaper.getStatus(0.);
        assertEquals("mzv", status.get("shaper_type_x"));
        assertEquals("39.300", status.get("shaper_freq_y"));
        assertEquals("0.400000", status.get("damping_ratio_y"));
        assertEquals("42.000", status.get("shaper_freq_z"));
    }

    @Test
    void disableAndEnableShaping() {
        InputShaper shaper = loadReferenceConfig();
        double window = stepperX.kinematics.genStepsPreActive();
        shaper.disableShaping();
        assertEquals(0., stepperX.kinematics.genStepsPreActive());
        shaper.enableShaping();
        assertEquals(window, stepperX.kinematics.genStepsPreActive());
    }

    @Test
    void customShaperFromAmplitudesAndTimes() {
        FakeConfig config = FakeConfig.of(printer, "input_shaper", "shaper_type_x", "custom", "shaper_a_x", "1, 1",
                "shaper_t_x", "0, 0.01");
        new InputShaper(config);
        printer.sendEvent(PrinterEvents.CONNECT);
        // two equal impulses 10 ms apart: centred at +-5 ms
        assertEquals(.005, stepperX.kinematics.genStepsPreActive(), 1e-15);
        assertEquals(.005, stepperX.kinematics.genStepsPostActive(), 1e-15);
        assertEquals(0., stepperY.kinematics.genStepsPreActive());
    }

    @Test
    void configErrorsNameTheProblem() {
        assertEquals("Unsupported shaper type: bogus", configError("shaper_type_x", "bogus"));
        assertEquals("Failed to initialize shaper: Too large t=2.000000 for n=4, must be less than 1.500000",
                configError("shaper_type", "mzv(n=4,t=2)", "shaper_freq_x", "40"));
        assertTrue(configError("shaper_type_y", "custom").contains("shaper_a must be set"));
    }

    private String configError(String... options) {
        FakeConfig config = FakeConfig.of(printer, "input_shaper", options);
        return assertThrows(ConfigException.class, () -> new InputShaper(config)).getMessage();
    }
}
