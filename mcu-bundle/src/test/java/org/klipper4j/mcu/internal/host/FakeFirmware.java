/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.mcu.protocol.BlockContentDecoder;
import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.DecodedMessage;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;

/**
 * An in-memory Klipper firmware at the other end of a link: acks blocks by sequence (it
 * expects sequence 0 first, as the firmware does), serves identify from a real data
 * dictionary, answers get_uptime, get_clock and get_config from its own clock, keeps the
 * config it is sent, and can be told to shut down or to fall silent.
 */
final class FakeFirmware implements McuLink {
    final DataDictionary dict;
    final List<String> received = new CopyOnWriteArrayList<>();
    private final byte[] compressedDict;
    private final double freq;
    private final long startNanos = System.nanoTime();
    private final LinkedBlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    private final BlockDecoder decoder = new BlockDecoder(this::onBlock);
    private final BlockContentDecoder contentDecoder;
    private int expectedSeq;
    private byte[] pending = new byte[0];
    volatile boolean silent;
    volatile boolean closed;
    volatile long configCrc;
    volatile boolean isConfig;
    volatile boolean isShutdown;
    volatile int moveCount = 1024;

    FakeFirmware(String dictResource) {
        byte[] json = resource(dictResource);
        this.dict = DataDictionary.parse(json);
        this.compressedDict = deflate(json);
        this.freq = dict.clockFreq();
        this.contentDecoder = new BlockContentDecoder(dict);
    }

    static byte[] resource(String name) {
        try (InputStream in = FakeFirmware.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    long clock() {
        return (long) ((System.nanoTime() - startNanos) / 1e9 * freq) + 1_000_000L;
    }

    /** Sends a response message to the host now. */
    synchronized void sendResponse(String name, Object... values) {
        byte[] content = dict.byName(name).encode(values);
        toHost.add(MessageBlock.frame(expectedSeq, content, 0, content.length));
    }

    /** The MCU shuts down on its own, as on an ADC out of range. */
    void shutdown(String reason) {
        isShutdown = true;
        sendResponse("shutdown", clock() & 0xffffffffL, reason);
    }

    List<String> receivedNamed(String prefix) {
        return received.stream().filter(s -> s.startsWith(prefix)).toList();
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        if (closed) {
            return -1;
        }
        if (pending.length == 0) {
            try {
                byte[] next = toHost.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                if (next == null) {
                    return 0;
                }
                pending = next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        int n = Math.min(length, pending.length);
        System.arraycopy(pending, 0, buffer, offset, n);
        pending = Arrays.copyOfRange(pending, n, pending.length);
        return n;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        if (!silent) {
            decoder.feed(data, offset, length);
        }
    }

    private void onBlock(byte[] buf, int off, int len) {
        int seq = buf[off + 1] & MessageBlock.SEQ_MASK;
        if (seq != expectedSeq) {
            toHost.add(MessageBlock.frame(expectedSeq, new byte[0], 0, 0));
            return;
        }
        expectedSeq = (expectedSeq + 1) & MessageBlock.SEQ_MASK;
        toHost.add(MessageBlock.frame(expectedSeq, new byte[0], 0, 0));
        contentDecoder.decode(buf, off, len, new BlockContentDecoder.Sink() {
            @Override
            public void message(DecodedMessage message, int offset) {
                received.add(message.toText());
                handle(message.name(), message.params());
            }

            @Override
            public void unknown(long id, byte[] rest, int offset) {
                received.add("?unknown " + id);
            }

            @Override
            public void truncated(MessageFormat format, int offset) {
                received.add("?truncated");
            }
        });
    }

    private void handle(String name, Map<String, Object> p) {
        switch (name) {
            case "identify" -> {
                int offset = (int) (long) (Long) p.get("offset");
                int count = (int) (long) (Long) p.get("count");
                int end = Math.min(compressedDict.length, offset + count);
                byte[] chunk = offset >= compressedDict.length ? new byte[0]
                        : Arrays.copyOfRange(compressedDict, offset, end);
                sendResponse("identify_response", (long) offset, chunk);
            }
            case "get_uptime" -> {
                long c = clock();
                sendResponse("uptime", c >>> 32, c & 0xffffffffL);
            }
            case "get_clock" -> sendResponse("clock", clock() & 0xffffffffL);
            case "get_config" -> sendResponse("config", isConfig ? 1L : 0L, configCrc, isShutdown ? 1L : 0L,
                    (long) moveCount);
            case "finalize_config" -> {
                configCrc = (Long) p.get("crc");
                isConfig = true;
            }
            case "emergency_stop" -> isShutdown = true;
            default -> {
                // config and other commands are only recorded
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
