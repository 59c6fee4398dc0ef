/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.QueuedSteps;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapQueue;

/**
 * A stepper on an MCU (Klipper's MCU_stepper): reads its pins and step distance,
 * configures the firmware's stepper object and owns its step generation.
 */
public final class McuStepperImpl implements Stepper, org.klipper4j.mcu.internal.objects.HomingStepper {
    static final double DEFAULT_STEP_PULSE_DURATION = .000002;
    static final String QUEUE_STEP = "queue_step oid=%c interval=%u count=%hu add=%hi";
    static final String SET_NEXT_STEP_DIR = "set_next_step_dir oid=%c dir=%c";
    static final String RESET_STEP_CLOCK = "reset_step_clock oid=%c clock=%u";
    static final String GET_POSITION = "stepper_get_position oid=%c";
    static final String POSITION_RESPONSE = "stepper_position oid=%c pos=%i";

    private final String name;
    private final Mcu mcu;
    private final int oid;
    private final PinParams stepPin;
    private final PinParams dirPin;
    private final boolean unitsInRadians;
    private double rotationDist;
    private final double stepsPerRotation;
    private double stepDist;
    /** Current dir inversion: the pin's, flipped by a negative extruder rotation distance. */
    private boolean invertDir;
    private final Double stepPulseDuration;
    private final IterativeSolver solver = new IterativeSolver();
    /** Commanded positions of stepper kinematics swapped out (Klipper keeps them in each kinematics). */
    private final Map<StepperKinematics, Double> kinematicsPositions = new java.util.IdentityHashMap<>();
    private final StepCompressor compressor;
    private final MotionQueuingImpl motionQueuing;
    private final List<DoubleConsumer> activeCallbacks = new ArrayList<>();
    private TrapQueue trapq;
    private Double defaultPulseDuration;
    private McuCommand resetStepClockCmd;
    private double mcuPositionOffset;

    public McuStepperImpl(ConfigSection config, boolean unitsInRadians, Mcu mcu, PinParams stepPin,
            PinParams dirPin, MotionQueuingImpl motionQueuing) {
        this.name = config.getName();
        this.mcu = mcu;
        this.stepPin = stepPin;
        this.dirPin = dirPin;
        this.unitsInRadians = unitsInRadians;
        this.motionQueuing = motionQueuing;
        double[] dist = StepDistance.parse(config, unitsInRadians);
        this.rotationDist = dist[0];
        this.stepsPerRotation = dist[1];
        this.stepDist = dist[0] / dist[1];
        this.invertDir = dirPin.invert();
        this.stepPulseDuration = config.getFloat("step_pulse_duration", null, Bounds.range(0., .001));
        this.oid = mcu.createOid();
        this.compressor = new StepCompressor(oid);
        mcu.registerConfigCallback(this::buildConfig);
    }

    /** Reads a stepper section and creates its stepper (Klipper's PrinterStepper). */
    static McuStepperImpl fromConfig(ConfigSection config, boolean unitsInRadians, MotionQueuingImpl mq) {
        Printer printer = config.getPrinter();
        Pins pins = printer.lookupObject("pins", Pins.class);
        PinParams step = pins.lookupPin(config.get("step_pin"), true, false, null);
        PinParams dir = pins.lookupPin(config.get("dir_pin"), true, false, null);
        if (!step.chipName().equals(dir.chipName())) {
            throw new ConfigException("Stepper dir pin must be on same mcu as step pin");
        }
        Mcu mcu = mcuOf(printer, step.chipName());
        McuStepperImpl stepper = new McuStepperImpl(config, unitsInRadians, mcu, step, dir, mq);
        StepperEnableImpl enable = (StepperEnableImpl) printer.loadObject(config, StepperEnable.NAME);
        enable.registerStepper(config, stepper);
        if (printer.hasModule("force_move")) {
            // as Klipper, every stepper loads force_move (STEPPER_BUZZ works without its section)
            printer.loadObject(config, "force_move");
        }
        if (printer.hasModule("motion_report")) {
            // as Klipper, any stepper makes the motion_report object available
            printer.loadObject(config, "motion_report");
        }
        return stepper;
    }

    static Mcu mcuOf(Printer printer, String chipName) {
        String objName = "mcu".equals(chipName) ? "mcu" : "mcu " + chipName;
        return printer.findObject(objName, Mcu.class).orElseThrow(
                () -> new ConfigException("Unknown pin chip name '" + chipName + "'"));
    }

    private void buildConfig() {
        double pulse = stepPulseDuration != null ? stepPulseDuration
                : defaultPulseDuration != null ? defaultPulseDuration : DEFAULT_STEP_PULSE_DURATION;
        long pulseTicks = mcu.secondsToClock(pulse);
        mcu.addConfigCommand(String.format("config_stepper oid=%d step_pin=%s dir_pin=%s invert_step=%d"
                + " step_pulse_ticks=%d", oid, stepPin.pin(), dirPin.pin(), stepPin.invert() ? 1 : 0, pulseTicks));
        mcu.addConfigCommand(String.format("reset_step_clock oid=%d clock=0", oid), false, true);
        long maxErrorTicks = mcu.secondsToClock(mcu.getMaxStepperError());
        var queue = motionQueuing.commandQueueFor(mcu);
        compressor.fill((int) maxErrorTicks, invertDir, mcu.lookupCommand(QUEUE_STEP, queue),
                mcu.lookupCommand(SET_NEXT_STEP_DIR, queue));
        resetStepClockCmd = mcu.lookupCommand(RESET_STEP_CLOCK, queue);
    }

    @Override
    public void setupDefaultPulseDuration(double pulseDuration, boolean stepBothEdge) {
        // step-on-both-edges is not used (yet): only the shorter pulse is taken
        defaultPulseDuration = pulseDuration;
    }

    @Override
    public void noteHomingEnd() {
        compressor.reset(0);
        compressor.queueMessage(resetStepClockCmd, oid, 0L);
        queryMcuPosition();
    }

    /** Reads the MCU's step counter (not in batch mode, where nothing answers). */
    void queryMcuPosition() {
        if (mcu.isFileoutput()) {
            return;
        }
        Map<String, Object> params = mcu.lookupQueryCommand(GET_POSITION, POSITION_RESPONSE, oid, null, false)
                .send(oid);
        long lastPos = ((Number) params.get("pos")).longValue();
        if (invertDir) {
            lastPos = -lastPos;
        }
        compressor.setLastPosition(lastPos);
        setMcuPosition(lastPos);
    }

    StepCompressor compressor() {
        return compressor;
    }

    IterativeSolver solver() {
        return solver;
    }

    /** Runs the active callbacks if this stepper moves before {@code stepGenTime}. */
    void checkActive(double flushTime, double stepGenTime) {
        if (activeCallbacks.isEmpty()) {
            return;
        }
        double t = solver.checkActive(stepGenTime);
        if (t != 0.) {
            List<DoubleConsumer> cbs = new ArrayList<>(activeCallbacks);
            activeCallbacks.clear();
            for (DoubleConsumer cb : cbs) {
                cb.accept(t);
            }
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    @Override
    public int getOid() {
        return oid;
    }

    @Override
    public double getStepDist() {
        return stepDist;
    }

    @Override
    public double[] getRotationDistance() {
        return new double[] {rotationDist, stepsPerRotation};
    }

    @Override
    public void setRotationDistance(double newRotationDist) {
        long mcuPos = getMcuPosition();
        rotationDist = newRotationDist;
        stepDist = newRotationDist / stepsPerRotation;
        setTrapqInternal();
        setMcuPosition(mcuPos);
    }

    @Override
    public boolean isOrigDirInverted() {
        return dirPin.invert();
    }

    @Override
    public void setDirInverted(boolean invert) {
        if (invert == invertDir) {
            return;
        }
        invertDir = invert;
        compressor.setInvertDir(invert);
        mcu.getPrinter().sendEvent("stepper:set_dir_inverted", this);
    }

    @Override
    public boolean unitsInRadians() {
        return unitsInRadians;
    }

    @Override
    public boolean isDirInverted() {
        return invertDir;
    }

    @Override
    public StepperKinematics setStepperKinematics(StepperKinematics kinematics) {
        StepperKinematics old = solver.getKinematics();
        long mcuPos = getMcuPosition();
        if (old != null) {
            // Klipper keeps the commanded position in the stepper kinematics itself:
            // putting one back (after FORCE_MOVE/STEPPER_BUZZ) restores its position
            kinematicsPositions.put(old, solver.getCommandedPos());
        }
        solver.setKinematics(kinematics);
        Double restored = kinematics == null ? null : kinematicsPositions.remove(kinematics);
        if (restored != null) {
            solver.setCommandedPos(restored);
            setMcuPosition(mcuPos);
        }
        setTrapqInternal();
        motionQueuing.checkStepGenerationScanWindows();
        return old;
    }

    @Override
    public StepperKinematics getStepperKinematics() {
        return solver.getKinematics();
    }

    @Override
    public void setTrapq(TrapQueue trapq) {
        this.trapq = trapq;
        setTrapqInternal();
    }

    private void setTrapqInternal() {
        solver.setTrapq(trapq == null ? null : (TrapQueueImpl) trapq, stepDist);
    }

    @Override
    public TrapQueue getTrapq() {
        return trapq;
    }

    @Override
    public void setPosition(double x, double y, double z) {
        long mcuPos = getMcuPosition();
        solver.setPosition(x, y, z);
        setMcuPosition(mcuPos);
    }

    /** Keeps the MCU step counter where it is while the commanded position changes. */
    void setMcuPosition(long mcuPos) {
        mcuPositionOffset = mcuPos * stepDist - solver.getCommandedPos();
    }

    @Override
    public double getCommandedPosition() {
        return solver.getCommandedPos();
    }

    @Override
    public double calcPositionFromCoord(double x, double y, double z) {
        return solver.calcPositionFromCoord(x, y, z);
    }

    @Override
    public long getMcuPosition() {
        double mcuPos = (solver.getCommandedPos() + mcuPositionOffset) / stepDist;
        return mcuPos >= 0. ? (long) (mcuPos + .5) : (long) (mcuPos - .5);
    }

    @Override
    public long getPastMcuPosition(double printTime) {
        long clock = mcu.printTimeToClock(printTime);
        return compressor.findPastPosition(clock);
    }

    @Override
    public List<QueuedSteps> dumpSteps(int max, long startClock, long endClock) {
        return compressor.extractOld(max, startClock, endClock);
    }

    @Override
    public double mcuToCommandedPosition(long mcuPos) {
        return mcuPos * stepDist - mcuPositionOffset;
    }

    @Override
    public boolean isActiveAxis(char axis) {
        return solver.isActiveAxis(axis);
    }

    @Override
    public void addActiveCallback(DoubleConsumer callback) {
        activeCallbacks.add(callback);
    }

    @Override
    public String toString() {
        return "stepper " + name + " oid=" + oid;
    }
}
