/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GreeterTest {

    private final FakeGCode core = new FakeGCode();

    @Test
    void greetsWithTheDefaultMessageAndName() throws Exception {
        new GreeterModule().load(core.section("greeter", Map.of()));

        core.run("GREET");

        assertEquals(List.of("// Hello, world!"), core.responses);
    }

    @Test
    void greetsWithTheConfiguredMessageAndTheGivenName() throws Exception {
        new GreeterModule().load(core.section("greeter", Map.of("message", "Good morning")));

        core.run("GREET NAME=Ada");

        assertEquals(List.of("// Good morning, Ada!"), core.responses);
    }

    @Test
    void registersGreetWhenLoaded() {
        Object greeter = new GreeterModule().load(core.section("greeter", Map.of()));

        assertInstanceOf(Greeter.class, greeter);
        assertTrue(core.handlers.containsKey("GREET"));
    }

    @Test
    void statusCountsTheGreetings() throws Exception {
        Greeter greeter = (Greeter) new GreeterModule().load(core.section("greeter", Map.of("message", "Hi")));
        assertEquals(Map.of("greetings", 0, "message", "Hi"), greeter.getStatus(0.0));

        core.run("GREET NAME=a");
        core.run("GREET NAME=b");

        assertEquals(Map.of("greetings", 2, "message", "Hi"), greeter.getStatus(1.0));
    }
}
