/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unix domain socket and its I/O thread: accepts clients, reads and frames
 * their messages and hands each to {@code onMessage}; writes what clients queued.
 */
final class SocketListener {
    private static final Logger LOG = LoggerFactory.getLogger(SocketListener.class);

    private final Path socketPath;
    private final long maxPendingBytes;
    private final BiConsumer<ClientConnection, byte[]> onMessage;
    private final Consumer<ClientConnection> onEndOfInput;
    private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();
    private ServerSocketChannel server;
    private Selector selector;
    private Thread thread;
    private volatile boolean running;

    /**
     * @param onMessage    gets each complete message of a client, in order
     * @param onEndOfInput gets a client that closed its sending side, after its last message
     */
    SocketListener(Path socketPath, long maxPendingBytes, BiConsumer<ClientConnection, byte[]> onMessage,
            Consumer<ClientConnection> onEndOfInput) {
        this.socketPath = socketPath;
        this.maxPendingBytes = maxPendingBytes;
        this.onMessage = onMessage;
        this.onEndOfInput = onEndOfInput;
    }

    void start() throws IOException {
        // A socket file left by an earlier run would make bind fail.
        Files.deleteIfExists(socketPath);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        running = true;
        thread = new Thread(this::loop, "webhooks-io");
        thread.setDaemon(true);
        thread.start();
        LOG.info("webhooks: API server listening on {}", socketPath);
    }

    void stop() {
        running = false;
        if (selector != null) {
            selector.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ClientConnection client : new ArrayList<>(clients)) {
            client.close();
        }
        closeQuietly();
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            LOG.warn("webhooks: unable to delete socket file '{}'", socketPath);
        }
    }

    List<ClientConnection> clients() {
        return List.copyOf(clients);
    }

    private void loop() {
        byte[] buffer = new byte[8192];
        ByteBuffer readBuffer = ByteBuffer.wrap(buffer);
        try {
            while (running) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    handleKey(key, readBuffer, buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.error("webhooks: API server I/O loop failed", e);
            }
        }
    }

    private void handleKey(SelectionKey key, ByteBuffer readBuffer, byte[] buffer) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        ClientConnection client = (ClientConnection) key.attachment();
        if (key.isValid() && key.isWritable()) {
            client.flush();
        }
        if (key.isValid() && key.isReadable()) {
            read(key, client, readBuffer, buffer);
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        channel.configureBlocking(false);
        ClientConnection client = new ClientConnection(channel, maxPendingBytes, clients::remove);
        clients.add(client);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ, client);
        client.attach(key);
        LOG.info("webhooks client {}: New connection", client.uid());
    }

    private void read(SelectionKey key, ClientConnection client, ByteBuffer readBuffer, byte[] buffer) {
        readBuffer.clear();
        int count;
        List<byte[]> messages;
        try {
            count = ((SocketChannel) key.channel()).read(readBuffer);
            if (count < 0) {
                client.endOfInput();
                onEndOfInput.accept(client);
                return;
            }
            messages = client.framer().feed(buffer, count);
        } catch (IOException e) {
            LOG.info("webhooks client {}: closing: {}", client.uid(), e.getMessage());
            client.close();
            return;
        }
        for (byte[] message : messages) {
            onMessage.accept(client, message);
        }
    }

    private void closeQuietly() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("webhooks: error closing API server", e);
        }
    }
}
