/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.QueuedSteps;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakeMotionQueuing;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeStepper;
import org.klipper4j.testkit.FakeToolhead;

class MotionReportTest {
    /** FakeMcu's print time is reactor time minus this. */
    private static final double T0 = FakeMcu.REACTOR_START;

    private final FakePrinter printer = new FakePrinter();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final FakeMotionQueuing motionQueuing = new FakeMotionQueuing();
    private final HistoryTrapq toolheadTrapq = new HistoryTrapq();
    private final HistoryTrapq extruderTrapq = new HistoryTrapq();
    private final HistoryTrapq extruder1Trapq = new HistoryTrapq();
    private final ExtraAxis extruder1 = extruder("extruder1", extruder1Trapq);
    private final ApiClients api = new ApiClients();
    private final FakeMcu mcu = new FakeMcu(printer, "mcu");
    private MotionReport report;

    /** An extruder axis named {@code name} moving on {@code trapq}. */
    private static ExtraAxis extruder(String name, TrapQueue trapq) {
        return new ExtraAxis() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex) {
                return 0.;
            }

            @Override
            public void checkMove(ToolheadMove move, int eIndex) {
            }

            @Override
            public void processMove(double printTime, ToolheadMove move, int eIndex) {
            }

            @Override
            public TrapQueue getTrapq() {
                return trapq;
            }
        };
    }

    @BeforeEach
    void setUp() {
        toolhead.trapq = toolheadTrapq;
        ExtraAxis extruder = extruder("extruder", extruderTrapq);
        toolhead.extruder = extruder;
        printer.addObject("toolhead", toolhead);
        printer.addObject("mcu", mcu);
        printer.addObject("webhooks", api);
        printer.addObject("motion_queuing", motionQueuing);
        printer.addObject("extruder", extruder);
        printer.addObject("extruder1", extruder1);
        FakeStepper y = new FakeStepper("stepper_y");
        y.mcu = mcu;
        motionQueuing.steppers.add(y);
        motionQueuing.steppers.add(new FakeStepper("stepper_x"));
        report = (MotionReport) new MotionReportModule().load(FakeConfig.of(printer, "motion_report"));
    }

    private void connect() {
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    private Map<String, Object> statusAt(double printTime) {
        return report.getStatus(printTime + T0);
    }

    @Test
    void beforeConnectTheStatusIsAllZero() {
        assertEquals(Map.of("live_position", List.of(0., 0., 0., 0.), "live_velocity", 0.,
                "live_extruder_velocity", 0., "steppers", List.of(), "trapq", List.of()), statusAt(5.));
    }

    @Test
    void connectListsEveryStepperAndTrapqSortedByName() {
        connect();

        Map<String, Object> status = statusAt(5.);

        assertEquals(List.of("stepper_x", "stepper_y"), status.get("steppers"));
        assertEquals(List.of("extruder", "extruder1", "toolhead"), status.get("trapq"));
    }

    @Test
    void livePositionAndVelocityAreInterpolatedAtTheEstimatedPrintTime() {
        // from x=10 accelerating at 1000 mm/s^2 along X for 0.1 s, starting at print time 2
        toolheadTrapq.add(2., .1, 0., 1000., 10., 20., 0.3, 1., 0., 0.);
        // the extruder cruises at 5 mm/s from 3 mm
        extruderTrapq.add(2., 1., 5., 0., 3., 0., 0., 1., 0., 0.);
        connect();

        Map<String, Object> status = statusAt(2.05);

        // 0.05 s in: 0.5 * 1000 * 0.05^2 = 1.25 mm travelled, at 50 mm/s
        List<?> pos = (List<?>) status.get("live_position");
        assertEquals(11.25, (Double) pos.get(0), 1e-9);
        assertEquals(20., (Double) pos.get(1), 1e-9);
        assertEquals(0.3, (Double) pos.get(2), 1e-9);
        assertEquals(3.25, (Double) pos.get(3), 1e-9);
        assertEquals(50., (Double) status.get("live_velocity"), 1e-9);
        assertEquals(5., (Double) status.get("live_extruder_velocity"), 1e-9);
    }

    @Test
    void afterTheLastMoveThePositionRestsAtItsEnd() {
        // decelerating from 10 mm/s to rest in 0.1 s along Y: 0.5 mm
        toolheadTrapq.add(2., .1, 10., -100., 0., 4., 0., 0., 1., 0.);
        connect();

        Map<String, Object> status = statusAt(7.);

        assertEquals(4.5, (Double) ((List<?>) status.get("live_position")).get(1), 1e-9);
        assertEquals(0., (Double) status.get("live_velocity"), 1e-9);
    }

    @Test
    void theLiveValuesAreRefreshedEveryQuarterSecond() {
        toolheadTrapq.add(2., 10., 10., 0., 0., 0., 0., 1., 0., 0.);
        connect();
        Map<String, Object> first = statusAt(3.);

        assertEquals(first, statusAt(3.2), "within 0.25 s the last snapshot is returned");
        assertEquals(12.5, (Double) ((List<?>) statusAt(3.25).get("live_position")).get(0), 1e-9);
    }

    @Test
    void theExtruderPositionIsTheActiveExtrudersOne() {
        extruder1Trapq.add(2., 1., 0., 0., 7., 0., 0., 1., 0., 0.);
        toolhead.extruder = extruder1;
        connect();

        assertEquals(7., (Double) ((List<?>) statusAt(2.5).get("live_position")).get(3), 1e-9);
    }

    @Test
    void dumpTrapqStreamsNewMovesToEachSubscriberInBatches() throws Exception {
        toolheadTrapq.add(2., .1, 0., 1000., 10., 20., 0.3, 1., 0., 0.);
        connect();
        ApiClients.Client client = new ApiClients.Client();

        api.request(client, "motion_report/dump_trapq", "toolhead", Map.of("q", "th"));

        assertEquals(List.of(Map.of("header", List.of("time", "duration", "start_velocity", "acceleration",
                "start_position", "direction"))), client.replies);
        assertTrue(client.pushed.isEmpty(), "the first batch comes after the batch interval");
        printer.reactor().runFor(0.5);
        assertEquals(List.of(Map.of("q", "th", "params", Map.of("data", List.of(
                List.of(2., .1, 0., 1000., List.of(10., 20., 0.3), List.of(1., 0., 0.)))))), client.pushed);

        // nothing new: nothing sent; then only the new move
        printer.reactor().runFor(0.5);
        assertEquals(1, client.pushed.size());
        toolheadTrapq.add(2.1, .2, 100., 0., 15., 20., 0.3, 1., 0., 0.);
        printer.reactor().runFor(0.5);
        assertEquals(Map.of("q", "th", "params", Map.of("data", List.of(
                List.of(2.1, .2, 100., 0., List.of(15., 20., 0.3), List.of(1., 0., 0.))))), client.pushed.get(1));
    }

    @Test
    void aClosedClientIsDroppedAndTheBatchTimerStops() throws Exception {
        toolheadTrapq.add(2., .1, 0., 1000., 10., 20., 0.3, 1., 0., 0.);
        connect();
        ApiClients.Client client = new ApiClients.Client();
        api.request(client, "motion_report/dump_trapq", "extruder", Map.of());
        extruderTrapq.add(2., 1., 5., 0., 3., 0., 0., 1., 0., 0.);
        client.closed = true;

        printer.reactor().runFor(0.5);

        assertTrue(client.pushed.isEmpty());
        assertEquals(0, printer.reactor().activeTimers());
    }

    @Test
    void dumpStepperStreamsQueueStepCommandsWithTheirStartPositionAndTimes() throws Exception {
        FakeStepper y = (FakeStepper) motionQueuing.steppers.get(0);
        y.dirInverted = true;
        // one lone step at 0.1 s from position 40, then 99 steps 1 ms apart (16 MHz clock)
        y.sentSteps.add(new QueuedSteps(1_600_000, 1_600_000, 40, 1, 1_600_000, 0));
        y.sentSteps.add(new QueuedSteps(1_616_000, 3_184_000, 41, 99, 16_000, 0));
        connect();
        ApiClients.Client client = new ApiClients.Client();

        api.request(client, "motion_report/dump_stepper", "stepper_y", Map.of());
        printer.reactor().runFor(0.5);

        assertEquals(List.of(Map.of("header", List.of("interval", "count", "add"))), client.replies);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) ((Map<?, ?>) client.pushed.get(0)).get("params");
        assertEquals(List.of(List.of(1_600_000, 1, 0), List.of(16_000, 99, 0)), params.get("data"));
        assertEquals(40 * 0.0125, (Double) params.get("start_position"), 1e-12);
        assertEquals(40L, params.get("start_mcu_position"));
        assertEquals(-0.0125, params.get("step_distance"), "an inverted dir pin makes the distance negative");
        assertEquals(1_600_000L, params.get("first_clock"));
        assertEquals(0.1, (Double) params.get("first_step_time"), 1e-12);
        assertEquals(3_184_000L, params.get("last_clock"));
        assertEquals(0.199, (Double) params.get("last_step_time"), 1e-12);

        // the next batch starts after the last clock sent
        y.sentSteps.add(new QueuedSteps(3_200_000, 3_200_000, 140, -1, 16_000, 0));
        printer.reactor().runFor(0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) ((Map<?, ?>) client.pushed.get(1)).get("params");
        assertEquals(List.of(List.of(16_000, -1, 0)), next.get("data"));
        assertEquals(140L, next.get("start_mcu_position"));
    }
}
