/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.queryendstops.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

class EndstopQueryTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final List<Double> queryTimes = new ArrayList<>();
    private EndstopQuery query;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        query = (EndstopQuery) new QueryEndstopsModule().load(FakeConfig.of(printer, "query_endstops"));
    }

    private McuEndstop endstop(boolean triggered) {
        return (McuEndstop) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {McuEndstop.class},
                (self, method, args) -> {
                    if (method.getName().equals("queryEndstop")) {
                        queryTimes.add((Double) args[0]);
                        return triggered;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void reportsEachEndstopInRegistrationOrder() {
        query.registerEndstop(endstop(false), "x");
        query.registerEndstop(endstop(true), "y");
        query.registerEndstop(endstop(false), "z");

        assertNull(gcode.run("QUERY_ENDSTOPS"));

        assertEquals("x:open y:TRIGGERED z:open", gcode.output.get(gcode.output.size() - 1));
    }

    @Test
    void m119IsTheSameQueryAtTheEndOfTheQueuedMoves() {
        toolhead.printTime = 3.5;
        query.registerEndstop(endstop(true), "homing_stepper");

        gcode.run("M119");

        assertEquals("homing_stepper:TRIGGERED", gcode.output.get(gcode.output.size() - 1));
        assertEquals(List.of(3.5), queryTimes);
    }

    @Test
    void statusHoldsTheLastQuery() {
        query.registerEndstop(endstop(true), "x");
        query.registerEndstop(endstop(false), "y");
        assertEquals(Map.of("last_query", Map.of()), query.getStatus(0.));

        gcode.run("QUERY_ENDSTOPS");

        assertEquals(Map.of("last_query", Map.of("x", 1, "y", 0)), query.getStatus(0.));
    }
}
