/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeStepper;

/** Two carriages on X (one stepper each) with a toolhead and kinematics that record what DualCarriages asks. */
final class IdexTestRig {
    /** A cartesian X stepper: its position is the toolhead's x. */
    static final StepperKinematics X_STEPPER = new StepperKinematics() {
        @Override
        public double calcPosition(TrapMove m, double moveTime) {
            return m.coordX(moveTime);
        }

        @Override
        public int activeFlags() {
            return AF_X;
        }
    };

    final FakePrinter printer = new FakePrinter();
    final FakeGCode gcode = new FakeGCode();
    final RecordingToolhead toolhead = new RecordingToolhead();
    final FakeStepper stepper0 = new FakeStepper("stepper_x");
    final FakeStepper stepper1 = new FakeStepper("dual_carriage");
    final TestRail rail0;
    final TestRail rail1;
    final DualCarriages dc;

    /** Carriage 0 homes to 0 on [0, 200], carriage 1 to 200 on [0, 200]. */
    IdexTestRig(Double safeDistance) {
        this(new Rail.HomingInfo(50., 0., 50., 5., false, 25.), new Rail.HomingInfo(40., 200., 40., 5., true, 20.),
                200., safeDistance);
    }

    IdexTestRig(Rail.HomingInfo home0, Rail.HomingInfo home1, double max1, Double safeDistance) {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        stepper0.setStepperKinematics(X_STEPPER);
        stepper1.setStepperKinematics(X_STEPPER);
        rail0 = new TestRail("stepper_x", new double[] {0., 200.}, home0, stepper0);
        rail1 = new TestRail("dual_carriage", new double[] {0., max1}, home1, stepper1);
        List<Rail> duals = new ArrayList<>();
        duals.add(rail1);
        List<Double> safe = new ArrayList<>();
        safe.add(safeDistance);
        dc = new DualCarriages(printer, List.of(rail0), duals, List.of(0), safe);
        printer.sendEvent("klippy:ready");
    }

    /** Where a stepper is with the toolhead at {@code x}. */
    static double stepperAt(Stepper s, double x) {
        TrapMove m = new TrapMove();
        m.startX = x;
        m.moveT = 1.;
        return s.getStepperKinematics().calcPosition(m, 0.);
    }

    String run(String line) {
        return gcode.run(line);
    }

    static final class TestRail implements Rail {
        private final String name;
        private final double[] range;
        private final HomingInfo homing;
        private final Stepper stepper;

        TestRail(String name, double[] range, HomingInfo homing, Stepper stepper) {
            this.name = name;
            this.range = range;
            this.homing = homing;
            this.stepper = stepper;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public double[] getRange() {
            return range.clone();
        }

        @Override
        public HomingInfo getHomingInfo() {
            return homing;
        }

        @Override
        public List<Stepper> getSteppers() {
            return List.of(stepper);
        }

        @Override
        public List<NamedEndstop> getEndstops() {
            return List.<NamedEndstop>of();
        }

        @Override
        public void setStepperKinematics(java.util.function.Function<Stepper, StepperKinematics> factory) {
            stepper.setStepperKinematics(factory.apply(stepper));
        }

        @Override
        public void setTrapq(TrapQueue trapq) {
        }

        @Override
        public void setPosition(double x, double y, double z) {
        }

        @Override
        public void addExtraStepper(ConfigSection config) {
            throw new UnsupportedOperationException();
        }
    }

    /** Kinematics that record limit updates and homing requests. */
    static final class RecordingKinematics implements DualCarriageKinematics {
        String homedAxes = "";
        double[] xRange;
        final List<String> homed = new ArrayList<>();

        @Override
        public void updateLimits(int axis, double[] range) {
            if (homedAxes.indexOf("xyz".charAt(axis)) >= 0) {
                xRange = range.clone();
            }
        }

        @Override
        public void homeAxis(Homing homing, int axis, Rail rail) {
            homed.add(rail.getName());
            homedAxes = homedAxes.contains("x") ? homedAxes : homedAxes + "x";
        }

        @Override
        public List<Stepper> getSteppers() {
            return List.of();
        }

        @Override
        public double[] calcPosition(Map<String, Double> stepperPositions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
        }

        @Override
        public void clearHomingState(String axes) {
        }

        @Override
        public void checkMove(ToolheadMove move) {
        }

        @Override
        public void home(Homing homing) {
        }

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of("homed_axes", homedAxes);
        }
    }

    /** A toolhead whose moves happen at once; it records set positions and manual moves. */
    static final class RecordingToolhead implements Toolhead {
        final double[] position = new double[4];
        final RecordingKinematics kin = new RecordingKinematics();
        final List<String> log = new ArrayList<>();
        /** Run at each manual move, before the position changes (to look at the carriages mid-move). */
        Runnable onManualMove = () -> { };

        @Override
        public double[] getPosition() {
            return position.clone();
        }

        @Override
        public void move(double[] newpos, double speed) {
            System.arraycopy(newpos, 0, position, 0, 4);
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
            System.arraycopy(newpos, 0, position, 0, 4);
            log.add("set x=" + newpos[0]);
        }

        @Override
        public void manualMove(double[] coord, double speed) {
            onManualMove.run();
            for (int i = 0; i < coord.length; i++) {
                if (!Double.isNaN(coord[i])) {
                    position[i] = coord[i];
                }
            }
            log.add("move x=" + coord[0] + " speed=" + speed);
        }

        @Override
        public void flushStepGeneration() {
        }

        @Override
        public void dwell(double delay) {
        }

        @Override
        public void waitMoves() {
        }

        @Override
        public double getLastMoveTime() {
            return 0.;
        }

        @Override
        public void registerLookaheadCallback(DoubleConsumer callback) {
            callback.accept(0.);
        }

        @Override
        public double[] getMaxVelocity() {
            return new double[] {300., 3000.};
        }

        @Override
        public Kinematics getKinematics() {
            return kin;
        }
    }

}
