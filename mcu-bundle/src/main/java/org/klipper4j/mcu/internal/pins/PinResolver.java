/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.pins;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.klipper4j.core.api.ConfigException;

/**
 * The pin names of one chip as its config commands use them: board aliases are
 * replaced by the MCU's own pin names, pins the firmware reserves are refused, and
 * a pin named by two different aliases is an error (Klipper's PinResolver).
 */
public final class PinResolver {
    /** A {@code pin=} or {@code _pin=} parameter of a config command. */
    private static final Pattern PIN_PARAM = Pattern.compile("(?<prefix>[ _]pin=)(?<name>[^ ]*)");

    private final Map<String, String> reserved = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, String> activePins = new HashMap<>();

    /** Marks a pin as unusable, e.g. the firmware's {@code RESERVE_PINS_serial}. */
    public void reservePin(String pin, String reserveName) {
        String old = reserved.get(pin);
        if (old != null && !old.equals(reserveName)) {
            throw new ConfigException("Pin " + pin + " reserved for " + old + " - can't reserve for " + reserveName);
        }
        reserved.put(pin, reserveName);
    }

    /** Lets {@code alias} stand for {@code pin} in config commands. */
    public void aliasPin(String alias, String pin) {
        String old = aliases.get(alias);
        if (old != null && !old.equals(pin)) {
            throw new ConfigException("Alias " + alias + " mapped to " + old + " - can't alias to " + pin);
        }
        if (pin.contains("^") || pin.contains("~") || pin.contains("!") || pin.contains(":")
                || pin.contains(" ")) {
            throw new ConfigException("Invalid pin alias '" + alias + "=" + pin + "'");
        }
        if (aliases.containsKey(pin)) {
            pin = aliases.get(pin);
        }
        aliases.put(alias, pin);
        String target = pin;
        aliases.replaceAll((a, p) -> p.equals(alias) ? target : p);
    }

    /** The pin an alias stands for, or the name itself. */
    public String resolve(String name) {
        return aliases.getOrDefault(name, name);
    }

    /** Rewrites the pin parameters of a config command to the MCU's pin names. */
    public String updateCommand(String command) {
        Matcher m = PIN_PARAM.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group("name");
            String pinId = resolve(name);
            String first = activePins.putIfAbsent(pinId, name);
            if (first != null && !first.equals(name)) {
                throw new ConfigException("pin " + name + " is an alias for " + first);
            }
            if (reserved.containsKey(pinId)) {
                throw new ConfigException("pin " + name + " is reserved for " + reserved.get(pinId));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group("prefix") + pinId));
        }
        m.appendTail(out);
        return out.toString();
    }
}
