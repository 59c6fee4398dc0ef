/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Feeds the board command streams Klipper's host produced for its regression tests
 * (decoded from the reference batch outputs; homing-free cases), paced as a host would
 * send them, and checks the board runs them without a shutdown and takes every step.
 * query_analog_in is left out: its limits are for the atmega2560's 10-bit ADC.
 */
class ReplayTest {
    /** How far ahead of the scheduled clocks commands arrive (1 s of the original 16 MHz clock). */
    private static final long LEAD = 16_000_000;

    private static final class Replay {
        final TestHost host = new TestHost();
        final Map<Long, String> stepPins = new HashMap<>();
        final Map<Long, Long> expectedSteps = new HashMap<>();
        final Map<Long, Long> expectedPosition = new HashMap<>();
        final Map<Long, Boolean> nextDir = new HashMap<>();
        final Map<Long, Long> lastQueuedClock = new HashMap<>();
        long maxClock;

        /** Per-oid command queues holding messages back until their minclock, as serialqueue does. */
        final Map<Long, ArrayDeque<long[]>> heldClock = new HashMap<>();
        final Map<Long, ArrayDeque<String>> heldLine = new HashMap<>();

        void run(String resource) throws IOException {
            List<String> lines;
            try (InputStream in = ReplayTest.class.getResourceAsStream(resource)) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("mcustream:")).toList();
            }
            for (String line : lines) {
                Map<String, String> p = params(line);
                String name = line.split(" ")[0];
                long oid = p.containsKey("oid") ? Long.parseLong(p.get("oid")) : -1;
                if (name.equals("query_analog_in")) {
                    continue;
                }
                long minClock = 0;
                if (name.equals("set_digital_out_pwm_cycle")) {
                    // the host holds this back until the pin's queued updates are done
                    minClock = lastQueuedClock.getOrDefault(oid, 0L);
                }
                if (p.containsKey("clock") && !p.get("clock").equals("0")) {
                    lastQueuedClock.merge(oid, Long.parseLong(p.get("clock")), Math::max);
                }
                ArrayDeque<long[]> clocks = heldClock.computeIfAbsent(oid, k -> new ArrayDeque<>());
                ArrayDeque<String> held = heldLine.computeIfAbsent(oid, k -> new ArrayDeque<>());
                if (!held.isEmpty() || minClock > host.fw.now()) {
                    clocks.add(new long[] {minClock});
                    held.add(line);
                } else {
                    deliver(line);
                }
                releaseDue();
            }
            for (;;) {
                long next = Long.MAX_VALUE;
                for (ArrayDeque<long[]> q : heldClock.values()) {
                    if (!q.isEmpty()) {
                        next = Math.min(next, q.peek()[0]);
                    }
                }
                if (next == Long.MAX_VALUE) {
                    break;
                }
                advance(next);
                releaseDue();
            }
            advance(maxClock + 10 * LEAD);
        }

        private void releaseDue() {
            for (Long oid : heldClock.keySet()) {
                ArrayDeque<long[]> clocks = heldClock.get(oid);
                ArrayDeque<String> held = heldLine.get(oid);
                while (!clocks.isEmpty() && clocks.peek()[0] <= host.fw.now()) {
                    clocks.poll();
                    deliver(held.poll());
                }
            }
        }

        private void deliver(String line) {
            Map<String, String> p = params(line);
            String name = line.split(" ")[0];
            long oid = p.containsKey("oid") ? Long.parseLong(p.get("oid")) : -1;
            switch (name) {
                case "config_stepper":
                    stepPins.put(oid, p.get("step_pin"));
                    break;
                case "set_next_step_dir":
                    nextDir.put(oid, !p.get("dir").equals("0"));
                    break;
                case "queue_step":
                    long count = Long.parseLong(p.get("count"));
                    expectedSteps.merge(oid, count, Long::sum);
                    expectedPosition.merge(oid, nextDir.getOrDefault(oid, false) ? count : -count, Long::sum);
                    break;
                default:
                    break;
            }
            if (p.containsKey("clock") && !p.get("clock").equals("0")) {
                long clock = Long.parseLong(p.get("clock"));
                maxClock = Math.max(maxClock, clock);
                advance(clock - LEAD);
            }
            host.send(line);
        }

        private void advance(long time) {
            if (time > host.fw.now()) {
                host.advanceTo(time);
            }
        }

        private static Map<String, String> params(String line) {
            Map<String, String> out = new HashMap<>();
            for (String part : line.split(" ")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return out;
        }

        void assertAllStepsTaken() {
            assertFalse(host.fw.isShutdown(), "shut down: " + host.fw.shutdownReason());
            assertTrue(host.take("shutdown").isEmpty());
            assertFalse(expectedSteps.isEmpty());
            for (Map.Entry<Long, Long> e : expectedSteps.entrySet()) {
                String pin = stepPins.get(e.getKey());
                assertEquals(e.getValue(), host.fw.stepCount(pin), "steps of stepper oid " + e.getKey());
                assertEquals(expectedPosition.get(e.getKey()), host.fw.stepperPosition(pin),
                        "position of stepper oid " + e.getKey());
            }
        }
    }

    @Test
    void manualStepperStream() throws IOException {
        Replay r = new Replay();
        r.run("/replay/manual_stepper-manual_stepper.txt");
        r.assertAllStepsTaken();
    }

    @Test
    void winchKinematicsStream() throws IOException {
        Replay r = new Replay();
        r.run("/replay/printers-example-winch.txt");
        r.assertAllStepsTaken();
    }

    @Test
    void pwmOutputStreamEndsWithThePinsAsLastSet() throws IOException {
        Replay r = new Replay();
        r.run("/replay/pwm-pwm.txt");
        assertFalse(r.host.fw.isShutdown(), "shut down: " + r.host.fw.shutdownReason());
        // last updates: PH7 on 9000000 of a 12000000 cycle, PH6 (hardware PWM) 255, PH4 a full cycle on
        assertEquals(0.75, r.host.plant.output("PH7"), 1e-9);
        assertEquals(1.0, r.host.plant.output("PH6"), 1e-9);
        assertEquals(1.0, r.host.plant.output("PH4"), 1e-9);
    }
}
