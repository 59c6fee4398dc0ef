/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.klipper4j.core.api.webhooks.ApiConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the API socket. {@link #send} never blocks: messages go to a
 * bounded queue that is written as the socket accepts data; a client that lets
 * the queue overflow is dropped, so a slow or dead client cannot stall the reactor.
 */
final class ClientConnection implements ApiConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final long uid = NEXT_ID.getAndIncrement();
    private final SocketChannel channel;
    private final long maxPendingBytes;
    private final Consumer<ClientConnection> onClose;
    private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
    // Used by the I/O thread only.
    private final MessageFramer framer = new MessageFramer(MAX_MESSAGE_BYTES);
    private long pendingBytes;
    private SelectionKey key;
    private boolean inputEnded;
    private boolean closeWhenDrained;
    private volatile boolean closed;

    ClientConnection(SocketChannel channel, long maxPendingBytes, Consumer<ClientConnection> onClose) {
        this.channel = channel;
        this.maxPendingBytes = maxPendingBytes;
        this.onClose = onClose;
    }

    long uid() {
        return uid;
    }

    MessageFramer framer() {
        return framer;
    }

    synchronized void attach(SelectionKey selectionKey) {
        this.key = selectionKey;
    }

    @Override
    public void send(Object message) {
        if (closed) {
            return;
        }
        byte[] framed;
        try {
            framed = JsonCodec.encodeMessage(message);
        } catch (RuntimeException e) {
            LOG.error("webhooks: json encoding error for client {}", uid, e);
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pendingBytes + framed.length > maxPendingBytes) {
                LOG.info("webhooks: closing unresponsive client {} ({} bytes unsent)", uid, pendingBytes);
                close();
                return;
            }
            outgoing.add(ByteBuffer.wrap(framed));
            pendingBytes += framed.length;
            flush();
        }
    }

    /** Writes what the socket takes now; asks the selector to call again when the rest can go. */
    synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            while (!outgoing.isEmpty()) {
                ByteBuffer head = outgoing.peek();
                pendingBytes -= channel.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                outgoing.poll();
            }
        } catch (IOException e) {
            LOG.info("webhooks: socket write error on client {}: {}", uid, e.getMessage());
            close();
            return;
        }
        if (outgoing.isEmpty() && closeWhenDrained) {
            close();
            return;
        }
        updateInterest();
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int wanted = (inputEnded ? 0 : SelectionKey.OP_READ) | (outgoing.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        try {
            if (key.interestOps() != wanted) {
                key.interestOps(wanted);
                key.selector().wakeup();
            }
        } catch (CancelledKeyException e) {
            // the server is stopping; nothing more will be written
        }
    }

    /** The client closed its sending side (I/O thread): stop watching for input. */
    synchronized void endOfInput() {
        inputEnded = true;
        updateInterest();
    }

    /**
     * Closes once everything queued is written; called on the reactor after the
     * client's last request, so a client that half-closes still gets its replies.
     */
    synchronized void closeWhenDrained() {
        closeWhenDrained = true;
        flush();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            outgoing.clear();
            pendingBytes = 0;
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("webhooks: error closing client {}", uid, e);
            }
        }
        LOG.info("webhooks client {}: Disconnected", uid);
        onClose.accept(this);
    }
}
