/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.webhooks.ApiConnection;
import org.klipper4j.core.api.webhooks.EndpointHandler;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.Webhooks;

/** Webhooks that keep the registered mux endpoints, and API clients that record what they are sent. */
final class ApiClients implements Webhooks {
    final Map<String, EndpointHandler> endpoints = new HashMap<>();

    /** A client connection; {@link #replies} holds the direct answer, {@link #pushed} later messages. */
    static final class Client implements ApiConnection {
        final List<Object> replies = new ArrayList<>();
        final List<Object> pushed = new ArrayList<>();
        boolean closed;

        @Override
        public void send(Object message) {
            pushed.add(message);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    @Override
    public void registerEndpoint(String path, EndpointHandler handler) {
        endpoints.put(path, handler);
    }

    @Override
    public void registerMuxEndpoint(String path, String key, String value, EndpointHandler handler) {
        endpoints.put(path + " " + key + "=" + value, handler);
    }

    @Override
    public void unregisterEndpoint(String path) {
        endpoints.remove(path);
    }

    /** Sends {@code path} with {@code name} and a response template as {@code client}. */
    void request(Client client, String path, String name, Map<String, Object> template) throws Exception {
        EndpointHandler handler = endpoints.get(path + " name=" + name);
        if (handler == null) {
            throw new AssertionError("no endpoint " + path + " for " + name + " in " + endpoints.keySet());
        }
        handler.handle(new WebRequest() {
            @Override
            public String getMethod() {
                return path;
            }

            @Override
            public Map<String, Object> getArgs() {
                return Map.of("name", name, "response_template", template);
            }

            @Override
            public String getString(String n) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getString(String n, String defaultValue) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int getInt(String n) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Integer getInt(String n, Integer defaultValue) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double getFloat(String n) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Double getFloat(String n, Double defaultValue) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean getBoolean(String n, Boolean defaultValue) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Object> getDict(String n, Map<String, Object> defaultValue) {
                return "response_template".equals(n) ? template : defaultValue;
            }

            @Override
            public ApiConnection getConnection() {
                return client;
            }

            @Override
            public void send(Object result) {
                client.replies.add(result);
            }
        });
    }
}
