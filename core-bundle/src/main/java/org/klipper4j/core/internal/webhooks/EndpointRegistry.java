/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.webhooks.EndpointHandler;
import org.klipper4j.core.api.webhooks.WebRequest;
import org.klipper4j.core.api.webhooks.WebRequestError;

/** Endpoint paths and their handlers, including paths multiplexed on a parameter. */
final class EndpointRegistry {
    private final Map<String, EndpointHandler> endpoints = new LinkedHashMap<>();
    private final Map<String, MuxEndpoint> muxEndpoints = new LinkedHashMap<>();

    /** The handlers of one multiplexed path, by the value of its key parameter. */
    private record MuxEndpoint(String key, Map<String, EndpointHandler> byValue) {
    }

    synchronized void register(String path, EndpointHandler handler) {
        if (endpoints.containsKey(path)) {
            throw new WebRequestError("Path already registered to an endpoint");
        }
        endpoints.put(path, handler);
    }

    synchronized void registerMux(String path, String key, String value, EndpointHandler handler) {
        MuxEndpoint mux = muxEndpoints.get(path);
        if (mux == null) {
            register(path, request -> dispatchMux(path, request));
            mux = new MuxEndpoint(key, new LinkedHashMap<>());
            muxEndpoints.put(path, mux);
        }
        if (!mux.key().equals(key)) {
            throw new ConfigException("mux endpoint " + path + " " + key + " " + value
                    + " may have only one key (" + mux.key() + ")");
        }
        if (mux.byValue().containsKey(value)) {
            throw new ConfigException("mux endpoint " + path + " " + key + " " + value + " already registered ("
                    + mux.byValue().keySet() + ")");
        }
        mux.byValue().put(value, handler);
    }

    synchronized void unregister(String path) {
        endpoints.remove(path);
        muxEndpoints.remove(path);
    }

    /** The handler of {@code path}; an unknown path is an error worded as Klipper's. */
    synchronized EndpointHandler lookup(String path) {
        EndpointHandler handler = endpoints.get(path);
        if (handler == null) {
            throw new WebRequestError("webhooks: No registered callback for path '" + path + "'");
        }
        return handler;
    }

    synchronized List<String> paths() {
        return List.copyOf(endpoints.keySet());
    }

    private void dispatchMux(String path, WebRequest request) throws Exception {
        EndpointHandler handler;
        synchronized (this) {
            MuxEndpoint mux = muxEndpoints.get(path);
            boolean hasDefault = mux.byValue().containsKey(null);
            Object value = request.getArgs().get(mux.key());
            if (value == null && !hasDefault && !request.getArgs().containsKey(mux.key())) {
                throw new WebRequestError("Missing Argument [" + mux.key() + "]");
            }
            handler = value instanceof String || value == null ? mux.byValue().get(value) : null;
            if (handler == null) {
                throw new WebRequestError("The value '" + value + "' is not valid for " + mux.key());
            }
        }
        handler.handle(request);
    }
}
