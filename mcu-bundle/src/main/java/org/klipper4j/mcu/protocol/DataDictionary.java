/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * An MCU data dictionary: the commands, responses and output formats the firmware was
 * built with (each with its id), its enumerations and its config constants. Read from the
 * JSON file used in batch mode or from the zlib-compressed data that {@code identify} returns.
 */
public final class DataDictionary {
    /** The two messages whose ids are fixed by the protocol. */
    public static final String IDENTIFY_RESPONSE = "identify_response offset=%u data=%.*s";
    public static final String IDENTIFY = "identify offset=%u count=%c";

    private final String rawJson;
    private final Map<String, Enumeration> enumerations = new LinkedHashMap<>();
    private final Map<Integer, MessageFormat> byId = new HashMap<>();
    private final Map<String, MessageFormat> byName = new HashMap<>();
    private final List<MessageFormat> messages = new ArrayList<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private final Map<Integer, String> staticStrings = new HashMap<>();
    private String version = "";
    private String buildVersions = "";
    private String app = "";
    private String license = "";

    private DataDictionary(String rawJson) {
        this.rawJson = rawJson;
    }

    /** Reads a dictionary file, plain JSON or zlib-compressed. */
    public static DataDictionary load(Path path) throws IOException {
        try {
            return parse(Files.readAllBytes(path));
        } catch (ProtocolException e) {
            throw new ProtocolException("Unable to read data dictionary " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses dictionary bytes: JSON text, or zlib-compressed JSON as the firmware sends it. */
    public static DataDictionary parse(byte[] data) {
        int i = 0;
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        if (i < data.length && data[i] == '{') {
            return parseJson(new String(data, StandardCharsets.UTF_8));
        }
        return fromCompressed(data);
    }

    /** Parses the zlib-compressed form returned by {@code identify}. */
    public static DataDictionary fromCompressed(byte[] zlibData) {
        return parseJson(new String(inflate(zlibData), StandardCharsets.UTF_8));
    }

    public static DataDictionary parseJson(String json) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new ProtocolException("Error during identify: data dictionary is not a JSON object");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ProtocolException("Error during identify: " + e.getMessage(), e);
        }
        DataDictionary d = new DataDictionary(json);
        d.read(root);
        return d;
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ProtocolException("Error during identify: compressed data dictionary is truncated");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ProtocolException("Error during identify: data dictionary is neither JSON nor zlib data ("
                    + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private void read(JsonObject root) {
        try {
            readEnumerations(object(root, "enumerations"));
            addMessage(0, IDENTIFY_RESPONSE, MessageKind.RESPONSE);
            addMessage(1, IDENTIFY, MessageKind.COMMAND);
            readMessages(object(root, "commands"), MessageKind.COMMAND);
            readMessages(object(root, "responses"), MessageKind.RESPONSE);
            readMessages(object(root, "output"), MessageKind.OUTPUT);
            for (Map.Entry<String, JsonElement> e : object(root, "config").entrySet()) {
                constants.put(e.getKey(), plainValue(e.getValue()));
            }
            readStaticStrings(object(root, "static_strings"));
            version = string(root, "version");
            buildVersions = string(root, "build_versions");
            app = string(root, "app");
            license = string(root, "license");
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new ProtocolException("Error during identify: malformed data dictionary (" + e.getMessage() + ")", e);
        }
    }

    private static JsonObject object(JsonObject root, String key) {
        JsonElement e = root.get(key);
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw new ProtocolException("Error during identify: '" + key + "' in the data dictionary is not an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject root, String key) {
        JsonElement e = root.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    /** A constant as Klipper sees it: integers as Long, other numbers as Double, text as String. */
    private static Object plainValue(JsonElement e) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                BigDecimal d = p.getAsBigDecimal();
                try {
                    return d.longValueExact();
                } catch (ArithmeticException notIntegral) {
                    return d.doubleValue();
                }
            }
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            return p.getAsString();
        }
        return e.toString();
    }

    private void readEnumerations(JsonObject enums) {
        for (Map.Entry<String, JsonElement> e : enums.entrySet()) {
            Enumeration en = enumerations.computeIfAbsent(e.getKey(), Enumeration::new);
            for (Map.Entry<String, JsonElement> v : e.getValue().getAsJsonObject().entrySet()) {
                JsonElement value = v.getValue();
                if (value.isJsonArray()) {
                    if (value.getAsJsonArray().size() != 2) {
                        throw new ProtocolException("Error during identify: enumeration range '" + v.getKey()
                                + "' in '" + e.getKey() + "' is not [start, count]");
                    }
                    en.addRange(v.getKey(), value.getAsJsonArray().get(0).getAsInt(),
                            value.getAsJsonArray().get(1).getAsInt());
                } else {
                    en.add(v.getKey(), value.getAsInt());
                }
            }
        }
        Enumeration ids = enumerations.get("static_string_id");
        if (ids != null) {
            ids.values().forEach((text, id) -> staticStrings.put(id, text));
        }
    }

    private void readStaticStrings(JsonObject strings) {
        // older firmware lists them as {"id": "text"}; accept {"text": id} too
        for (Map.Entry<String, JsonElement> e : strings.entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                staticStrings.put(v.getAsInt(), e.getKey());
            } else {
                staticStrings.put(Integer.parseInt(e.getKey().trim()), v.getAsString());
            }
        }
    }

    private void readMessages(JsonObject table, MessageKind kind) {
        for (Map.Entry<String, JsonElement> e : table.entrySet()) {
            addMessage(e.getValue().getAsInt(), e.getKey(), kind);
        }
    }

    private void addMessage(int id, String format, MessageKind kind) {
        MessageFormat f = MessageFormat.parse(id, format, kind, enumerations);
        MessageFormat old = byId.put(id, f);
        if (old != null) {
            messages.remove(old);
            if (byName.get(old.name()) == old) {
                byName.remove(old.name());
            }
        }
        messages.add(f);
        if (kind != MessageKind.OUTPUT) {
            byName.put(f.name(), f);
        }
    }

    /** The message with this id, or null. */
    public MessageFormat byId(int id) {
        return byId.get(id);
    }

    /** The command or response with this name, or null. */
    public MessageFormat byName(String name) {
        return byName.get(name);
    }

    /** Every message, in dictionary order (the two fixed ones first). */
    public List<MessageFormat> messages() {
        return Collections.unmodifiableList(messages);
    }

    public List<MessageFormat> messages(MessageKind kind) {
        return messages.stream().filter(m -> m.kind() == kind).toList();
    }

    /** Looks a command up by its full format; errors are worded as Klipper's. */
    public MessageFormat lookupCommand(String format) {
        String[] parts = format.trim().split("\\s+");
        MessageFormat f = byName.get(parts[0]);
        if (f == null) {
            throw new ProtocolException("Unknown command: " + parts[0]);
        }
        if (!format.equals(f.format())) {
            throw new ProtocolException("Command format mismatch: " + format + " vs " + f.format());
        }
        return f;
    }

    /** True if the firmware has a command or response with exactly this format. */
    public boolean hasFormat(String format) {
        MessageFormat f = byName.get(format.trim().split("\\s+")[0]);
        return f != null && f.format().equals(format);
    }

    /**
     * Encodes a text command such as {@code "config_stepper oid=2 step_pin=PF0 ..."}: integers
     * in any Python literal base, enumerated values by name, strings in hex.
     */
    public byte[] createCommand(String text) {
        return TextCommand.encode(this, text);
    }

    public Map<String, Enumeration> enumerations() {
        return Collections.unmodifiableMap(enumerations);
    }

    /** The config constants (CLOCK_FREQ, MCU, ...), integers as Long. */
    public Map<String, Object> constants() {
        return Collections.unmodifiableMap(constants);
    }

    public String getConstant(String name) {
        Object v = constants.get(name);
        if (v == null) {
            throw new ProtocolException("Firmware constant '" + name + "' not found");
        }
        return String.valueOf(v);
    }

    public String getConstant(String name, String fallback) {
        Object v = constants.get(name);
        return v == null ? fallback : String.valueOf(v);
    }

    public long getConstantLong(String name) {
        String v = getConstant(name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ProtocolException("Unable to parse firmware constant " + name + ": " + v);
        }
    }

    public double getConstantDouble(String name) {
        String v = getConstant(name);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ProtocolException("Unable to parse firmware constant " + name + ": " + v);
        }
    }

    /** The MCU clock frequency (constant CLOCK_FREQ). */
    public double clockFreq() {
        return getConstantDouble("CLOCK_FREQ");
    }

    /** Text of a static string id (used by shutdown and error messages), or null. */
    public String staticString(int id) {
        return staticStrings.get(id);
    }

    public String version() {
        return version;
    }

    public String buildVersions() {
        return buildVersions;
    }

    public String app() {
        return app;
    }

    public String license() {
        return license;
    }

    /** The dictionary JSON as received (Klipper logs and serves it). */
    public String rawJson() {
        return rawJson;
    }
}
