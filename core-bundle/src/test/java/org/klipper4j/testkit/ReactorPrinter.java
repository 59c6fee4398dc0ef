/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.EventHandler;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.internal.reactor.ThreadedReactor;

/**
 * A small printer with the real reactor running on its own thread, an object
 * registry and events: for tests of objects that talk to an MCU over a real link.
 */
public final class ReactorPrinter implements Printer, AutoCloseable {
    private final ThreadedReactor reactor = new ThreadedReactor(false);
    private final StartArgs args;
    private final Map<String, Object> objects = new LinkedHashMap<>();
    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    public final List<String> shutdowns = new CopyOnWriteArrayList<>();
    public final List<String> exits = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public ReactorPrinter(StartArgs args) {
        this.args = args;
        this.thread = new Thread(reactor::run, "test-reactor");
        thread.setDaemon(true);
        thread.start();
    }

    public static StartArgs liveArgs(Path cfg) {
        return new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, false);
    }

    public static StartArgs batchArgs(Path cfg, Path out, Map<String, Path> dicts) {
        return new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(out), dicts, false, false);
    }

    /** Runs {@code work} on the reactor and waits for it; rethrows what it threw. */
    public <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        reactor.registerAsyncCallback(t -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    public void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Reactor getReactor() {
        return reactor;
    }

    @Override
    public StartArgs getStartArgs() {
        return args;
    }

    @Override
    public void addObject(String name, Object object) {
        if (objects.putIfAbsent(name, object) != null) {
            throw new ConfigException("Printer object '" + name + "' already created");
        }
    }

    @Override
    public Object lookupObject(String name) {
        Object o = objects.get(name);
        if (o == null) {
            throw new ConfigException("Unknown config object '" + name + "'");
        }
        return o;
    }

    @Override
    public <T> T lookupObject(String name, Class<T> type) {
        return type.cast(lookupObject(name));
    }

    @Override
    public <T> Optional<T> findObject(String name, Class<T> type) {
        Object o = objects.get(name);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    @Override
    public List<Map.Entry<String, Object>> lookupObjects(String module) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        objects.forEach((k, v) -> {
            if (module == null || k.equals(module) || k.startsWith(module + " ")) {
                out.add(Map.entry(k, v));
            }
        });
        return out;
    }

    @Override
    public Object loadObject(ConfigSection config, String section) {
        return lookupObject(section);
    }

    @Override
    public void registerEventHandler(String event, EventHandler handler) {
        handlers.computeIfAbsent(event, k -> new ArrayList<>()).add(handler);
    }

    @Override
    public void sendEvent(String event, Object... eventArgs) {
        for (EventHandler h : List.copyOf(handlers.getOrDefault(event, List.of()))) {
            try {
                h.handle(eventArgs);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public PrinterState getState() {
        return shutdowns.isEmpty() ? PrinterState.READY : PrinterState.SHUTDOWN;
    }

    @Override
    public String getStateMessage() {
        return shutdowns.isEmpty() ? "" : shutdowns.get(0);
    }

    @Override
    public boolean isShutdown() {
        return !shutdowns.isEmpty();
    }

    @Override
    public void invokeShutdown(String message) {
        if (shutdowns.isEmpty()) {
            shutdowns.add(message);
            sendEvent("klippy:shutdown");
        }
    }

    @Override
    public void invokeAsyncShutdown(String message) {
        reactor.registerAsyncCallback(t -> invokeShutdown(message));
    }

    @Override
    public void requestExit(String result) {
        exits.add(result);
    }

    @Override
    public void close() throws Exception {
        try {
            run(() -> sendEvent("klippy:disconnect"));
        } finally {
            reactor.end();
            thread.join(5000);
        }
    }
}
