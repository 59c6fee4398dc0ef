/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.HexFormat;
import java.util.List;

import org.klipper4j.mcu.protocol.MessageFormat;
import org.klipper4j.mcu.protocol.MessageKind;
import org.klipper4j.mcu.protocol.MessageParam;

/**
 * One command decoded from a stream. Integer values are kept raw (unsigned types as
 * 32-bit unsigned, signed types as sent), strings as bytes, so the comparison sees what
 * the MCU sees; enumerations are shown by name only in text.
 *
 * @param format the dictionary format, or null for an id the dictionary does not know
 * @param values Long or byte[] per parameter (for an unknown id: the id and the rest of the block)
 * @param index  position in the stream (0-based)
 */
record Command(MessageFormat format, Object[] values, int index) {

    boolean known() {
        return format != null;
    }

    boolean isCommand() {
        return format != null && format.kind() == MessageKind.COMMAND;
    }

    String name() {
        return format == null ? "#unknown" : format.name();
    }

    List<MessageParam> params() {
        return format.params();
    }

    ParamRole role(int i) {
        return ParamRole.of(format.params().get(i));
    }

    long intValue(int i) {
        return (Long) values[i];
    }

    /** The value of parameter {@code name}, or {@code fallback} if the command has none. */
    long intParam(String name, long fallback) {
        List<MessageParam> ps = format.params();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).name().equals(name)) {
                return intValue(i);
            }
        }
        return fallback;
    }

    /** Index of the {@code oid} parameter, or -1. */
    int oidIndex() {
        if (format == null || format.kind() == MessageKind.OUTPUT) {
            return -1;
        }
        List<MessageParam> ps = format.params();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).name().equals("oid")) {
                return i;
            }
        }
        return -1;
    }

    /** The text of one value: enumerations by name, strings in hex. */
    String valueText(int i) {
        Object v = values[i];
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        MessageParam p = format.params().get(i);
        return p.enumeration() != null ? p.enumeration().symbolOf((Long) v) : String.valueOf(v);
    }

    /** The command as {@code mcustream.py decode} shows it. */
    String text() {
        if (format == null) {
            return "#unknown id=" + values[0] + " rest=" + HexFormat.of().formatHex((byte[]) values[1]);
        }
        Object[] shown = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            MessageParam p = format.params().get(i);
            shown[i] = p.enumeration() != null ? p.enumeration().symbolOf((Long) values[i]) : values[i];
        }
        return format.toText(shown);
    }
}
