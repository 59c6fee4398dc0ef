/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.klipper4j.mcu.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an MCU's link and identifies the firmware, as Klipper's serial connect: retries
 * opening (every 5 s) and identifying (5 s each) until the connect timeout, then reads the
 * compressed data dictionary 40 bytes at a time and sets the link up from its constants.
 */
final class LiveConnector {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnector.class);
    private static final double IDENTIFY_TIMEOUT = 5.;
    private static final int IDENTIFY_CHUNK = 40;

    /** A link with an identified firmware. */
    record Connection(LiveChannel channel, DataDictionary dict) {
    }

    private final Reactor reactor;
    private final McuOptions options;
    private final McuLinkOpener opener;
    private final String prefix;

    LiveConnector(Reactor reactor, McuOptions options, McuLinkOpener opener) {
        this.reactor = reactor;
        this.options = options;
        this.opener = opener;
        this.prefix = "mcu '" + options.name() + "': ";
    }

    /** Connects or throws "Unable to connect" after {@code timeout} seconds; {@code onLinkLost} as for {@link LiveChannel}. */
    Connection connect(double timeout, Runnable onLinkLost) {
        if (options.canbusUuid() != null) {
            throw new ConfigException(prefix + "CAN bus MCUs (canbus_uuid) are not supported yet");
        }
        LOG.info("{}Starting serial connect", prefix);
        double start = reactor.monotonic();
        while (true) {
            if (reactor.monotonic() > start + timeout) {
                throw new ConfigException(prefix + "Unable to connect");
            }
            McuLink link;
            try {
                link = opener.open(options.serial(), options.baud(), options.rts());
            } catch (IOException e) {
                LOG.warn("{}Unable to open serial port: {}", prefix, e.getMessage());
                reactor.pause(reactor.monotonic() + Math.min(5., timeout / 4));
                continue;
            }
            LiveChannel live = new LiveChannel(options.name(), link, reactor, onLinkLost);
            byte[] identifyData = readIdentifyData(live);
            if (identifyData == null) {
                LOG.info("{}Timeout on connect", prefix);
                live.close();
                continue;
            }
            return new Connection(live, setUp(live, identifyData));
        }
    }

    private DataDictionary setUp(LiveChannel live, byte[] identifyData) {
        DataDictionary dict;
        try {
            dict = DataDictionary.fromCompressed(identifyData);
        } catch (ProtocolException e) {
            live.close();
            throw new ConfigException(prefix + e.getMessage(), e);
        }
        live.setDictionary(dict);
        Object baud = dict.constants().get("SERIAL_BAUD");
        if (baud != null) {
            live.serialQueue().setWireFrequency(ParamValues.toDouble(baud));
        }
        Object window = dict.constants().get("RECEIVE_WINDOW");
        if (window != null) {
            live.serialQueue().setReceiveWindow((int) ParamValues.toLong(window));
        }
        return dict;
    }

    /** The compressed dictionary, or null if the MCU does not answer in time. */
    private byte[] readIdentifyData(LiveChannel live) {
        DataDictionary boot = DataDictionary.parseJson("{}");
        MessageFormat identify = boot.byName("identify");
        String response = boot.byName("identify_response").name();
        CommandQueue queue = new CommandQueue();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        double deadline = reactor.monotonic() + IDENTIFY_TIMEOUT;
        while (reactor.monotonic() < deadline) {
            Map<String, Object> params = QueryRunner.run(reactor, live, identify.encode(data.size(), IDENTIFY_CHUNK),
                    response, null, queue, 0, 0, deadline);
            if (params == null) {
                return null;
            }
            if (ParamValues.toLong(params.get("offset")) == data.size()) {
                byte[] chunk = (byte[]) params.get("data");
                if (chunk.length == 0) {
                    return data.toByteArray();
                }
                data.write(chunk, 0, chunk.length);
            }
        }
        return null;
    }
}
