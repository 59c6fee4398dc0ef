/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.mcu.protocol.BlockContentDecoder;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.DecodedMessage;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes data blocks from the MCU and hands each response to the handler registered for
 * its name and oid, else for its name alone. Parameters carry {@code #name},
 * {@code #sent_time} and {@code #receive_time} as in Klipper.
 */
public final class ResponseDispatcher implements ReceiveListener {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseDispatcher.class);

    private record Key(String name, Long oid) {
    }

    private final BlockContentDecoder decoder;
    private final Map<Key, McuResponseHandler> handlers = new ConcurrentHashMap<>();

    public ResponseDispatcher(DataDictionary dict) {
        this.decoder = new BlockContentDecoder(dict);
    }

    /** Registers (or with null removes) the handler of {@code name} for one oid, or all if oid is null. */
    public void register(String name, Integer oid, McuResponseHandler handler) {
        Key key = new Key(name, oid == null ? null : oid.longValue());
        if (handler == null) {
            handlers.remove(key);
        } else {
            handlers.put(key, handler);
        }
    }

    @Override
    public void onData(byte[] block, int off, int len, double sentTime, double receiveTime) {
        decoder.decode(block, off, len, new BlockContentDecoder.Sink() {
            @Override
            public void message(DecodedMessage message, int offset) {
                dispatch(message, sentTime, receiveTime);
            }

            @Override
            public void unknown(long id, byte[] rest, int offset) {
                LOG.warn("Unknown message id {} from MCU", id);
            }

            @Override
            public void truncated(MessageFormat format, int offset) {
                LOG.warn("Truncated {} message from MCU", format == null ? "unknown" : format.name());
            }
        });
    }

    private void dispatch(DecodedMessage message, double sentTime, double receiveTime) {
        Map<String, Object> params = message.params();
        params.put("#sent_time", sentTime);
        params.put("#receive_time", receiveTime);
        McuResponseHandler h = null;
        if (params.get("oid") instanceof Long oid) {
            h = handlers.get(new Key(message.name(), oid));
        }
        if (h == null) {
            h = handlers.get(new Key(message.name(), null));
        }
        if (h == null) {
            LOG.debug("Unhandled MCU message: {}", message.toText());
            return;
        }
        h.handle(params);
    }
}
