/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.greeter;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.osgi.service.component.annotations.Component;

/**
 * The greeter "version 2": same section and command as the example bundle, but
 * its answer names the version, so a test can tell which implementation runs.
 */
@Component(property = {PrinterModule.SECTION + "=greeter"})
public class GreeterModule implements PrinterModule {

    /** What GREET answers with after the name; the integration tests look for it. */
    public static final String VERSION_MARK = "(greeter v2)";

    @Override
    public Object load(ConfigSection config) {
        return new GreeterV2(config);
    }

    /** The v2 printer object. */
    static final class GreeterV2 implements StatusProvider {
        private final String message;
        private int greetings;

        GreeterV2(ConfigSection config) {
            message = config.get("message", "Hello");
            config.getPrinter().lookupObject("gcode", GCodeDispatch.class)
                    .registerCommand("GREET", this::cmdGreet, "Answer with the configured greeting");
        }

        private void cmdGreet(GCodeCommand cmd) {
            greetings++;
            cmd.respondInfo(message + ", " + cmd.get("NAME", "world") + "! " + VERSION_MARK);
        }

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of("greetings", greetings, "message", message, "version", 2);
        }
    }
}
