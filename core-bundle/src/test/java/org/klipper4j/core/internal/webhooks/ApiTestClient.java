/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;

/**
 * A client of the API socket, as Moonraker is one: writes requests ended by
 * 0x03; a reader thread collects the messages that come back.
 */
final class ApiTestClient implements AutoCloseable {
    private static final Gson GSON = new GsonBuilder().serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    private static final long TIMEOUT_MILLIS = 10_000;

    private final SocketChannel channel;
    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ApiTestClient(SocketChannel channel, boolean reading) {
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "api-test-client");
        this.reader.setDaemon(true);
        if (reading) {
            reader.start();
        }
    }

    static ApiTestClient connect(Path socket) throws IOException {
        return new ApiTestClient(open(socket), true);
    }

    /** A client that never reads what the server sends (a stalled front-end). */
    static ApiTestClient connectWithoutReading(Path socket) throws IOException {
        SocketChannel channel = open(socket);
        channel.configureBlocking(false);
        return new ApiTestClient(channel, false);
    }

    private static SocketChannel open(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    void sendRaw(String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(body.length + 1).put(body).put((byte) 0x03).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    void sendRequest(Object id, String method, Map<String, Object> params) throws IOException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("method", method);
        request.put("params", params);
        sendRaw(GSON.toJson(request));
    }

    /** Sends a request and returns the next message, running reactor work meanwhile. */
    Map<String, Object> call(FakeReactor reactor, Object id, String method, Map<String, Object> params)
            throws Exception {
        sendRequest(id, method, params);
        return next(reactor);
    }

    /** The next message from the server; runs handed-over reactor work while waiting. */
    @SuppressWarnings("unchecked")
    Map<String, Object> next(FakeReactor reactor) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Object message = received.poll();
            if (message != null) {
                if (message instanceof IOException e) {
                    throw e;
                }
                return (Map<String, Object>) message;
            }
            reactor.runPending(5);
        }
        fail("no message from the API server within " + TIMEOUT_MILLIS + " ms");
        return null;
    }

    /** For a client made by {@link #connectWithoutReading}: drains until the server closes; false on timeout. */
    boolean waitForClose(FakeReactor reactor) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
        while (System.currentTimeMillis() < deadline) {
            reactor.runPending(1);
            sink.clear();
            if (channel.read(sink) < 0) {
                return true;
            }
        }
        return false;
    }

    private void readLoop() {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (channel.read(buffer.clear()) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == 0x03) {
                        received.add(GSON.fromJson(partial.toString(StandardCharsets.UTF_8), Map.class));
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
            }
        } catch (IOException e) {
            if (channel.isOpen()) {
                received.add(e);
            }
        }
    }

    /** Closes the sending side only, as {@code printf ... | socat} does at the end of its input. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
