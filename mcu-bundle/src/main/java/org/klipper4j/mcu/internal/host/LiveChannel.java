/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.internal.serial.ResponseDispatcher;
import org.klipper4j.mcu.internal.serial.SerialQueue;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected MCU: one thread reads the link, feeds the serial queue and runs its
 * timers; decoded responses are handed to the reactor (or, for handlers registered
 * with {@link #registerDirect}, handled on the reader thread).
 */
final class LiveChannel implements McuChannel {
    private static final Logger LOG = LoggerFactory.getLogger(LiveChannel.class);
    /** Longest the reader sleeps: also the delay before a newly queued message goes out. */
    private static final int MAX_POLL_MILLIS = 3;

    private record Key(String name, Integer oid) {
    }

    private final String mcuName;
    private final McuLink link;
    private final Reactor reactor;
    private final SerialQueue serialQueue;
    private final Map<Key, McuResponseHandler> handlers = new ConcurrentHashMap<>();
    private final Thread reader;
    private final Runnable onLinkLost;
    private volatile ResponseDispatcher dispatcher;
    private volatile boolean running = true;

    /** Starts reading {@code link}; {@code onLinkLost} runs (on the reader thread) if the link closes by itself. */
    LiveChannel(String mcuName, McuLink link, Reactor reactor, Runnable onLinkLost) {
        this.mcuName = mcuName;
        this.link = link;
        this.reactor = reactor;
        this.onLinkLost = onLinkLost;
        this.serialQueue = new SerialQueue(this::write, (block, off, len, sent, received) ->
                dispatcher.onData(block, off, len, sent, received));
        setDictionary(DataDictionary.parseJson("{}"));
        this.reader = new Thread(this::readLoop, "mcu-" + mcuName.replace(' ', '-') + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Decodes with {@code dict} from now on (after identify); keeps the registered handlers. */
    void setDictionary(DataDictionary dict) {
        ResponseDispatcher d = new ResponseDispatcher(dict);
        handlers.forEach((k, h) -> d.register(k.name(), k.oid(), h));
        dispatcher = d;
    }

    SerialQueue serialQueue() {
        return serialQueue;
    }

    @Override
    public void send(byte[] msg, int off, int len, CommandQueue queue, long minClock, long reqClock) {
        serialQueue.send(queue, msg, off, len, minClock, reqClock);
    }

    @Override
    public void registerResponse(String name, Integer oid, McuResponseHandler handler) {
        registerDirect(name, oid, handler == null ? null
                : params -> reactor.registerAsyncCallback(t -> handler.handle(params)));
    }

    /**
     * As {@link #registerResponse} but the handler runs on the reader thread (it must be
     * thread-safe); returns the handler it replaces, or null.
     */
    McuResponseHandler registerDirect(String name, Integer oid, McuResponseHandler handler) {
        Key key = new Key(name, oid);
        McuResponseHandler previous = handler == null ? handlers.remove(key) : handlers.put(key, handler);
        dispatcher.register(name, oid, handler);
        return previous;
    }

    @Override
    public String stats() {
        return serialQueue.stats();
    }

    private void write(byte[] buf, int off, int len) {
        try {
            link.write(buf, off, len);
        } catch (IOException e) {
            if (running) {
                LOG.warn("mcu '{}': error writing to {}: {}", mcuName, link, e.getMessage());
            }
        }
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        int timeout = MAX_POLL_MILLIS;
        while (running) {
            int n;
            try {
                n = link.read(buf, 0, buf.length, timeout);
            } catch (IOException e) {
                if (running) {
                    LOG.warn("mcu '{}': error reading {}: {}", mcuName, link, e.getMessage());
                }
                n = -1;
            }
            if (!running) {
                break;
            }
            if (n < 0) {
                LOG.warn("mcu '{}': link {} closed", mcuName, link);
                running = false;
                onLinkLost.run();
                break;
            }
            double now = reactor.monotonic();
            try {
                if (n > 0) {
                    serialQueue.receive(buf, 0, n, now);
                }
                double wake = serialQueue.service(now);
                timeout = (int) Math.max(0, Math.min(MAX_POLL_MILLIS, Math.ceil((wake - now) * 1000.)));
            } catch (RuntimeException e) {
                LOG.error("mcu '{}': error handling serial data", mcuName, e);
            }
        }
    }

    @Override
    public void close() {
        if (!running && !reader.isAlive()) {
            closeLink();
            return;
        }
        running = false;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeLink();
    }

    private void closeLink() {
        try {
            link.close();
        } catch (IOException e) {
            LOG.debug("mcu '{}': error closing {}: {}", mcuName, link, e.getMessage());
        }
    }
}
