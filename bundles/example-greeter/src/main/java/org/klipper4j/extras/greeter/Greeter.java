/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.greeter;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/**
 * The {@code greeter} printer object: answers {@code GREET [NAME=...]} with the
 * configured message and counts the greetings it gave.
 */
public final class Greeter implements StatusProvider {

    static final String DEFAULT_MESSAGE = "Hello";
    static final String DEFAULT_NAME = "world";
    private static final String GREET_HELP = "Answer with the configured greeting";

    private final String message;
    private int greetings;

    public Greeter(ConfigSection config) {
        // options are read here, so an unknown option in [greeter] is reported at startup
        this.message = config.get("message", DEFAULT_MESSAGE);
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("GREET", this::cmdGreet, GREET_HELP);
    }

    private void cmdGreet(GCodeCommand cmd) {
        String name = cmd.get("NAME", DEFAULT_NAME);
        greetings++;
        cmd.respondInfo(message + ", " + name + "!");
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("greetings", greetings, "message", message);
    }
}
