/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of the dictionary ({@code "queue_step oid=%c interval=%u count=%hu add=%hi"}
 * with its id): encodes values to message bytes and decodes message bytes to values.
 * Decoded integers are {@link Long}, enumerated values their symbol ({@link String}),
 * string parameters {@code byte[]}.
 */
public final class MessageFormat {
    /** The most content bytes one message block carries. */
    public static final int MAX_PAYLOAD = MessageBlock.MAX_PAYLOAD;

    private static final Pattern SPEC = Pattern.compile("%(?:u|i|hu|hi|c|s|\\.\\*s|\\*s)");

    private final int id;
    private final String format;
    private final String name;
    private final MessageKind kind;
    private final MessageParam[] params;
    /** Literal text around the parameters: params.length + 1 pieces. */
    private final String[] pieces;

    private MessageFormat(int id, String format, String name, MessageKind kind, MessageParam[] params,
            String[] pieces) {
        this.id = id;
        this.format = format;
        this.name = name;
        this.kind = kind;
        this.params = params;
        this.pieces = pieces;
    }

    /**
     * A command or response format: a name and {@code name=%type} parameters. An integer
     * parameter gets the first enumeration (in dictionary order) whose name equals the
     * parameter name or ends it after an underscore ({@code step_pin} -> {@code pin}).
     */
    public static MessageFormat parse(int id, String format, MessageKind kind, Map<String, Enumeration> enums) {
        if (kind == MessageKind.OUTPUT) {
            return parseOutput(id, format);
        }
        String[] parts = format.trim().split("\\s+");
        if (parts[0].isEmpty()) {
            throw new ProtocolException("Empty message format for id " + id);
        }
        MessageParam[] params = new MessageParam[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            ParamType type = eq < 0 ? null : ParamType.forSpec(parts[i].substring(eq + 1));
            if (type == null) {
                throw new ProtocolException("Invalid parameter '" + parts[i] + "' in message format '"
                        + format + "'");
            }
            String pname = parts[i].substring(0, eq);
            Enumeration en = null;
            if (!type.isString()) {
                for (Enumeration e : enums.values()) {
                    if (pname.equals(e.name()) || pname.endsWith("_" + e.name())) {
                        en = e;
                        break;
                    }
                }
            }
            params[i - 1] = new MessageParam(pname, type, en);
        }
        String[] pieces = SPEC.split(format, -1);
        if (pieces.length != params.length + 1) {
            throw new ProtocolException("Invalid message format '" + format + "'");
        }
        return new MessageFormat(id, format, parts[0], kind, params, pieces);
    }

    /** A printf-like {@code output()} format: parameters are its % specs in order, "%%" is a percent sign. */
    private static MessageFormat parseOutput(int id, String format) {
        List<MessageParam> params = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int pos = 0;
        while (pos < format.length()) {
            char c = format.charAt(pos);
            if (c != '%') {
                literal.append(c);
                pos++;
                continue;
            }
            if (pos + 1 < format.length() && format.charAt(pos + 1) == '%') {
                literal.append('%');
                pos += 2;
                continue;
            }
            Matcher m = SPEC.matcher(format).region(pos, format.length());
            if (!m.lookingAt()) {
                throw new ProtocolException("Invalid output format for '" + format + "'");
            }
            params.add(new MessageParam("", ParamType.forSpec(m.group()), null));
            pieces.add(literal.toString());
            literal.setLength(0);
            pos = m.end();
        }
        pieces.add(literal.toString());
        return new MessageFormat(id, format, "#output", MessageKind.OUTPUT,
                params.toArray(new MessageParam[0]), pieces.toArray(new String[0]));
    }

    public int id() {
        return id;
    }

    /** The format text exactly as in the dictionary. */
    public String format() {
        return format;
    }

    public String name() {
        return name;
    }

    public MessageKind kind() {
        return kind;
    }

    public List<MessageParam> params() {
        return List.of(params);
    }

    public int paramCount() {
        return params.length;
    }

    /** An upper bound of the encoded size, for sizing buffers. */
    public int maxEncodedSize() {
        int n = Vlq.MAX_BYTES;
        for (MessageParam p : params) {
            n += p.type().isString() ? 256 : Vlq.MAX_BYTES;
        }
        return n;
    }

    /** Encodes a message; fails with a clear error if it does not fit in one block. */
    public byte[] encode(Object... values) {
        byte[] buf = new byte[maxEncodedSize()];
        return Arrays.copyOf(buf, encodeMessage(buf, values));
    }

    /**
     * Encodes a message at the start of {@code out} (at least {@link #maxEncodedSize()}
     * long) and returns its length; fails with a clear error if it does not fit in one
     * block. For senders that reuse one buffer instead of a new array per message.
     */
    public int encodeMessage(byte[] out, Object... values) {
        int len = encode(out, 0, values);
        if (len > MAX_PAYLOAD) {
            throw new ProtocolException("Message '" + name + "' is " + len
                    + " bytes long; at most " + MAX_PAYLOAD + " fit in a message block");
        }
        return len;
    }

    /**
     * Encodes the id and the values at {@code pos} and returns the position after them.
     * Integers are {@link Number}s, enumerated parameters a symbol or a number, string
     * parameters {@code byte[]} or a {@link String} (sent as UTF-8).
     */
    public int encode(byte[] out, int pos, Object... values) {
        checkCount(values.length);
        pos = Vlq.encode(id, out, pos);
        for (int i = 0; i < params.length; i++) {
            MessageParam p = params[i];
            Object v = values[i];
            if (p.type().isString()) {
                pos = encodeString(p, v, out, pos);
            } else {
                pos = Vlq.encode(integerValue(p, v), out, pos);
            }
        }
        return pos;
    }

    /** Allocation-free encoding of a message whose parameters are all integers. */
    public int encodeInts(byte[] out, int pos, long[] values) {
        checkCount(values.length);
        pos = Vlq.encode(id, out, pos);
        for (int i = 0; i < params.length; i++) {
            if (params[i].type().isString()) {
                throw new ProtocolException("Parameter '" + params[i].name() + "' of '" + name
                        + "' is a string");
            }
            pos = Vlq.encode(values[i], out, pos);
        }
        return pos;
    }

    private void checkCount(int given) {
        if (given != params.length) {
            throw new ProtocolException("Message '" + name + "' takes " + params.length
                    + " parameters, got " + given);
        }
    }

    private long integerValue(MessageParam p, Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && p.enumeration() != null) {
            return p.enumeration().valueOf(s);
        }
        throw new ProtocolException("Parameter '" + p.name() + "' of '" + name + "' must be an integer"
                + (p.enumeration() != null ? " or a name in enumeration '" + p.enumeration().name() + "'" : "")
                + ", not '" + v + "'");
    }

    private int encodeString(MessageParam p, Object v, byte[] out, int pos) {
        byte[] bytes;
        if (v instanceof byte[] b) {
            bytes = b;
        } else if (v instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else {
            throw new ProtocolException("Parameter '" + p.name() + "' of '" + name
                    + "' must be bytes, not '" + v + "'");
        }
        if (bytes.length > 255) {
            throw new ProtocolException("Parameter '" + p.name() + "' of '" + name + "' is " + bytes.length
                    + " bytes long; at most 255 can be sent");
        }
        out[pos++] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, pos, bytes.length);
        return pos + bytes.length;
    }

    /** Decodes the parameters that follow this message's id at the cursor. */
    public Object[] decodeValues(ByteCursor cur) {
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            MessageParam p = params[i];
            if (p.type().isString()) {
                values[i] = cur.readString();
            } else {
                long v = p.type().normalize(cur.readVlq());
                values[i] = p.enumeration() != null ? p.enumeration().symbolOf(v) : (Object) v;
            }
        }
        return values;
    }

    /** Parameters by name, plus {@code #name} (Klipper's response dictionary). */
    public Map<String, Object> toParams(Object[] values) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (kind == MessageKind.OUTPUT) {
            out.put("#msg", format(values));
        } else {
            for (int i = 0; i < params.length; i++) {
                out.put(params[i].name(), values[i]);
            }
        }
        out.put("#name", name);
        return out;
    }

    /** The text of a decoded message: the format with its values, strings in hex ({@code #output ...} for output). */
    public String toText(Object[] values) {
        String text = format(values);
        return kind == MessageKind.OUTPUT ? "#output " + text : text;
    }

    private String format(Object[] values) {
        StringBuilder sb = new StringBuilder(pieces[0]);
        for (int i = 0; i < params.length; i++) {
            Object v = values[i];
            if (v instanceof byte[] b) {
                appendHex(sb, b);
            } else {
                sb.append(v);
            }
            sb.append(pieces[i + 1]);
        }
        return sb.toString();
    }

    static void appendHex(StringBuilder sb, byte[] b) {
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
    }

    @Override
    public String toString() {
        return format;
    }
}
