/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.pins;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/**
 * {@code [board_pins]} and {@code [board_pins NAME]}: pin aliases ({@code aliases:},
 * {@code aliases_*:}) for the MCUs listed in {@code mcu:}; a value in angle brackets
 * ({@code <5V>}) reserves the name instead.
 */
@Component(service = PrinterModule.class,
        property = {PrinterModule.SECTION + "=board_pins", PrinterModule.PREFIX + "=true"})
public final class BoardPinsModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        PinsRegistry pins = PinsRegistry.ensure(config.getPrinter());
        List<PinResolver> resolvers = new ArrayList<>();
        for (String mcu : config.getList("mcu", List.of("mcu"), ",")) {
            resolvers.add(pins.getPinResolver(mcu.strip()));
        }
        List<String> options = new ArrayList<>();
        options.add("aliases");
        for (String name : config.getOptionNames()) {
            if (name.startsWith("aliases_")) {
                options.add(name);
            }
        }
        for (String option : options) {
            for (String entry : config.get(option, "").split("[,\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                            + "' must have 2 elements: " + entry.strip());
                }
                String name = entry.substring(0, eq).strip();
                String value = entry.substring(eq + 1).strip();
                for (PinResolver r : resolvers) {
                    if (value.startsWith("<") && value.endsWith(">")) {
                        r.reservePin(name, value);
                    } else {
                        r.aliasPin(name, value);
                    }
                }
            }
        }
        return new BoardPins(config.getName());
    }

    /** The object registered for the section (it holds nothing; the aliases live in the resolvers). */
    public record BoardPins(String section) {
    }
}
