/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.WebRequestError;

import com.google.gson.JsonParseException;

/** One decoded API request with Klipper's parameter checks, and the reply it produces. */
final class JsonWebRequest implements WebRequest {
    private final ApiConnection connection;
    private final Object id;
    private final String method;
    private final Map<String, Object> params;
    private Object result;
    private String errorMessage;

    private JsonWebRequest(ApiConnection connection, Object id, String method, Map<String, Object> params) {
        this.connection = connection;
        this.id = id;
        this.method = method;
        this.params = params;
    }

    /** Decodes {@code {"id": ..., "method": "...", "params": {...}}}. */
    @SuppressWarnings("unchecked")
    static JsonWebRequest parse(ApiConnection connection, String text) throws MalformedRequestException {
        Object decoded;
        try {
            decoded = JsonCodec.parse(text);
        } catch (JsonParseException e) {
            throw new MalformedRequestException(null, "Error decoding request: not valid JSON");
        }
        if (!(decoded instanceof Map)) {
            throw new MalformedRequestException(null, "Error decoding request: not a top-level dictionary");
        }
        Map<String, Object> request = (Map<String, Object>) decoded;
        Object id = request.get("id");
        Object method = request.get("method");
        if (!(method instanceof String)) {
            throw new MalformedRequestException(id, "Invalid request type: 'method' must be a string");
        }
        Object params = request.containsKey("params") ? request.get("params") : Map.of();
        if (!(params instanceof Map)) {
            throw new MalformedRequestException(id, "Invalid request type: 'params' must be a dictionary");
        }
        return new JsonWebRequest(connection, id, (String) method, (Map<String, Object>) params);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public Map<String, Object> getArgs() {
        return Collections.unmodifiableMap(params);
    }

    /** The raw value; absent without a default is "Missing Argument", present but of another type "Invalid Argument Type". */
    private <T> T get(String name, Class<T> type, boolean hasDefault, T defaultValue) {
        if (!params.containsKey(name)) {
            if (!hasDefault) {
                throw new WebRequestError("Missing Argument [" + name + "]");
            }
            return defaultValue;
        }
        Object value = params.get(name);
        if (!type.isInstance(value)) {
            throw new WebRequestError("Invalid Argument Type [" + name + "]");
        }
        return type.cast(value);
    }

    @Override
    public String getString(String name) {
        return get(name, String.class, false, null);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return get(name, String.class, true, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return toInt(name, get(name, Long.class, false, null));
    }

    @Override
    public Integer getInt(String name, Integer defaultValue) {
        Long value = get(name, Long.class, true, defaultValue == null ? null : defaultValue.longValue());
        return value == null ? null : toInt(name, value);
    }

    private static int toInt(String name, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new WebRequestError("Invalid Argument Type [" + name + "]");
        }
        return (int) value;
    }

    @Override
    public double getFloat(String name) {
        return get(name, Number.class, false, null).doubleValue();
    }

    @Override
    public Double getFloat(String name, Double defaultValue) {
        Number value = get(name, Number.class, true, defaultValue);
        return value == null ? null : value.doubleValue();
    }

    @Override
    public boolean getBoolean(String name, Boolean defaultValue) {
        Boolean value = get(name, Boolean.class, defaultValue != null, defaultValue);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getDict(String name, Map<String, Object> defaultValue) {
        return get(name, Map.class, defaultValue != null, defaultValue);
    }

    /** A required dictionary parameter. */
    Map<String, Object> getDict(String name) {
        return getDict(name, null);
    }

    @Override
    public ApiConnection getConnection() {
        return connection;
    }

    @Override
    public void send(Object data) {
        if (result != null) {
            throw new WebRequestError("Multiple calls to send not allowed");
        }
        result = data;
    }

    void setError(String message) {
        errorMessage = message;
    }

    /** The reply to send, or empty for a request without id (a notification, as in Klipper). */
    Optional<Map<String, Object>> reply() {
        if (id == null) {
            return Optional.empty();
        }
        if (errorMessage != null) {
            return Optional.of(errorReply(id, errorMessage));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", id);
        reply.put("result", result == null ? Map.of() : result);
        return Optional.of(reply);
    }

    static Map<String, Object> errorReply(Object id, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", "WebRequestError");
        error.put("message", message);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", id);
        reply.put("error", error);
        return reply;
    }
}
