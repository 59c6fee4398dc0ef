/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.webhooks;

import java.util.Map;

/** One API request (Klipper's WebRequest): typed parameter getters and the reply. */
public interface WebRequest {
    String getMethod();

    Map<String, Object> getArgs();

    /** A required string parameter; throws {@link WebRequestError} if missing or not a string. */
    String getString(String name);

    String getString(String name, String defaultValue);

    int getInt(String name);

    Integer getInt(String name, Integer defaultValue);

    double getFloat(String name);

    Double getFloat(String name, Double defaultValue);

    boolean getBoolean(String name, Boolean defaultValue);

    Map<String, Object> getDict(String name, Map<String, Object> defaultValue);

    /** The connection this request came on (for subscriptions). */
    ApiConnection getConnection();

    /** Sets the result; without a call the result is {@code {}}. */
    void send(Object result);
}
