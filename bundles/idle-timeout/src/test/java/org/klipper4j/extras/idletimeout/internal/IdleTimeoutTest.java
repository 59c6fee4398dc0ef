/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.idletimeout.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class IdleTimeoutTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    /** Print time of the queued moves; the MCU's estimated print time is the reactor time. */
    private double printTime;
    private IdleTimeout idle;

    @BeforeEach
    void setUp() throws Exception {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", new BusyToolhead());
        gcode.registerCommand("M84", cmd -> { }, null);
        idle = new IdleTimeout(FakeConfig.of(printer, "idle_timeout", "timeout", "30"));
        printer.sendEvent(PrinterEvents.READY);
    }

    private double now() {
        return printer.reactor().monotonic();
    }

    @Test
    void printingThenReadyThenIdleAfterTheTimeout() throws Exception {
        assertEquals("Idle", idle.getState());
        double start = now();
        printTime = start + 2.;
        printer.sendEvent("toolhead:sync_print_time", start, start, printTime);
        assertEquals("Printing", idle.getState());
        assertEquals(1., (Double) idle.getStatus(start + 1.).get("printing_time"), 1e-9);
        printer.reactor().runFor(2.);
        assertEquals("Printing", idle.getState(), "moves still run");
        printer.reactor().runFor(2.);
        assertEquals("Ready", idle.getState());
        assertEquals(List.of(), gcode.executed);
        printer.reactor().runFor(31.);
        assertEquals("Idle", idle.getState());
        assertEquals(List.of("M84"), gcode.executed, "no heaters: only the motors are turned off");
        List<String> events = printer.events.stream().filter(e -> e.startsWith("idle_timeout")).toList();
        assertEquals(3, events.size(), events.toString());
    }

    @Test
    void setIdleTimeoutReportsTheNewTimeout() {
        assertNull(gcode.run("SET_IDLE_TIMEOUT TIMEOUT=12.5"));
        assertEquals("// idle_timeout: Timeout set to 12.50 s", gcode.output.get(0));
        assertEquals(12.5, idle.getStatus(0).get("idle_timeout"));
    }

    private final class BusyToolhead implements Toolhead {
        @Override
        public Object[] checkBusy(double eventtime) {
            return new Object[] {printTime, eventtime, true};
        }

        @Override
        public double getLastMoveTime() {
            return printTime;
        }

        @Override
        public double[] getPosition() {
            return new double[4];
        }

        @Override
        public void move(double[] newpos, double speed) {
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
        }

        @Override
        public void manualMove(double[] coord, double speed) {
        }

        @Override
        public void dwell(double delay) {
        }

        @Override
        public void waitMoves() {
        }

        @Override
        public void registerLookaheadCallback(DoubleConsumer callback) {
        }

        @Override
        public double[] getMaxVelocity() {
            return new double[] {300, 3000};
        }

        @Override
        public Kinematics getKinematics() {
            return null;
        }
    }
}
