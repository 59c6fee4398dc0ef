/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.util.Map;

/** A message decoded from a block: its format and values in parameter order. */
public record DecodedMessage(MessageFormat format, Object[] values) {

    public String name() {
        return format.name();
    }

    /** Parameters by name plus {@code #name}. */
    public Map<String, Object> params() {
        return format.toParams(values);
    }

    /** One line of text, as {@code mcustream.py decode} and {@code parsedump} show it (strings in hex). */
    public String toText() {
        return format.toText(values);
    }
}
