/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.ProtocolException;

/**
 * The host side of the MCU link, with Klipper's serial queue semantics: message blocks
 * with 4-bit sequence numbers, acks (an empty block carrying the next expected sequence)
 * and naks (a repeated ack), at most {@value #MAX_PENDING_BLOCKS} blocks and the
 * firmware's receive window in flight, retransmission after an RTT-based timeout
 * (RFC 6298 srtt/rttvar/rto) or at once after a nak, and commands scheduled by their
 * min clock (not before) and req clock (most urgent first) across per-object queues.
 * <p>
 * Time is passed in explicitly: a driver thread calls {@link #service(double)} at the
 * returned wake time (or when kicked) and {@link #receive} with bytes read. All methods
 * are synchronized; messages and blocks are pooled, so the send path does not allocate.
 */
public final class SerialQueue {
    public static final double NOW = 0.0;
    public static final double NEVER = 9999999999999999.0;
    public static final long MAX_CLOCK = Long.MAX_VALUE;
    /** Req clock of background messages: sent when nothing more urgent is due. */
    public static final long BACKGROUND_PRIORITY_CLOCK = 0x7fffffff00000000L;

    static final double MIN_RTO = 0.025;
    static final double MAX_RTO = 5.000;
    static final int MAX_PENDING_BLOCKS = 12;
    static final double MIN_REQTIME_DELTA = 0.250;
    static final double MIN_BACKGROUND_DELTA = 0.005;
    /** Timeouts double the rto up to this many times the round-trip estimate (and MAX_RTO). */
    static final double MAX_BACKOFF = 8.0;
    /** How long after a retransmit the line counts as noisy. */
    static final double NOISY_HOLD = 2.0;
    /** Content bytes of a block built while the line is noisy (longer single messages still go). */
    static final int NOISY_BLOCK_CONTENT = 16;

    private final ByteTransport transport;
    private final ReceiveListener listener;
    private final BlockDecoder decoder;
    private double receiveEventTime;

    // link parameters
    private int receiveWindow;
    private double bittimeAdjust;
    private double idleTime;
    private double estFreq;
    private double convTime;
    private long convClock;

    // retransmit state
    private long sendSeq = 1;
    private long receiveSeq = 1;
    private long ignoreNakSeq;
    private long lastAckSeq;
    private long retransmitSeq;
    private long rttSampleSeq;
    private double lastReceiveSentTime;
    private double srtt;
    private double rttvar;
    private double rto = MIN_RTO;
    /** The rto from the round-trip estimate, before any timeout doubled it. */
    private double baseRto = MIN_RTO;
    /** Until this host time blocks are kept short: each damaged byte costs a whole block. */
    private double noisyUntil;
    private final ArrayDeque<SentBlock> sentQueue = new ArrayDeque<>();

    // pending messages
    private final List<CommandQueue> pendingQueues = new ArrayList<>();
    private int readyBytes;
    private int upcomingBytes;
    private int needAckBytes;
    private int lastAckBytes;
    private long needKickClock = MAX_CLOCK;

    // timers
    private double retransmitTime = NEVER;
    private double commandTime = NEVER;

    // pools and scratch
    private final ArrayDeque<QueuedMessage> messagePool = new ArrayDeque<>();
    private final ArrayDeque<SentBlock> blockPool = new ArrayDeque<>();
    private final byte[] writeBuf = new byte[MessageBlock.MAX_SIZE * MAX_PENDING_BLOCKS + 1];

    // stats
    private long bytesWrite;
    private long bytesRead;
    private long bytesRetransmit;
    private long bytesInvalid;

    public SerialQueue(ByteTransport transport, ReceiveListener listener) {
        this.transport = transport;
        this.listener = listener;
        this.decoder = new BlockDecoder(new BlockDecoder.Listener() {
            @Override
            public void onBlock(byte[] buf, int off, int len) {
                handleBlock(buf, off, len, receiveEventTime);
            }

            @Override
            public void onDiscard(byte[] buf, int off, int len) {
                bytesInvalid += len;
            }
        });
    }

    public CommandQueue allocCommandQueue() {
        return new CommandQueue();
    }

    /** The firmware's RECEIVE_WINDOW in bytes (0: no limit beyond the block count). */
    public synchronized void setReceiveWindow(int bytes) {
        receiveWindow = bytes;
    }

    /** Baud rate of a UART (10 bits per byte), to estimate when bytes leave the wire; 0 to ignore. */
    public synchronized void setWireFrequency(double baud) {
        bittimeAdjust = baud > 0 ? 10.0 / baud : 0.0;
    }

    /** The clock sync's estimate: MCU clock {@code convClock} at host time {@code convTime}. */
    public synchronized void setClockEstimate(double freq, double convTime, long convClock) {
        this.estFreq = freq;
        this.convTime = convTime;
        this.convClock = convClock;
    }

    /**
     * Queues an encoded message on {@code queue}: not sent before the MCU is expected to be
     * at {@code minClock}, and sent in time for {@code reqClock} (0 and 0 for "now").
     */
    public synchronized void send(CommandQueue queue, byte[] msg, int off, int len, long minClock, long reqClock) {
        if (len <= 0 || len > MessageBlock.MAX_PAYLOAD) {
            throw new ProtocolException("Message of " + len + " bytes; a message block carries 1 to "
                    + MessageBlock.MAX_PAYLOAD);
        }
        QueuedMessage qm = messagePool.isEmpty() ? new QueuedMessage() : messagePool.poll();
        System.arraycopy(msg, off, qm.msg, 0, len);
        qm.len = len;
        qm.reqClock = reqClock;
        // a min clock more than 2^31 ticks before the req clock could be taken as in the future
        qm.minClock = minClock + (1L << 31) < reqClock && reqClock != BACKGROUND_PRIORITY_CLOCK
                ? reqClock - (1L << 31) : minClock;
        if (!queue.pending) {
            queue.pending = true;
            pendingQueues.add(queue);
        }
        queue.upcoming.add(qm);
        upcomingBytes += len;
        if (qm.minClock < needKickClock) {
            needKickClock = 0;
            commandTime = NOW;
        }
    }

    /** Feeds bytes read from the transport at host time {@code eventtime}. */
    public synchronized void receive(byte[] data, int off, int len, double eventtime) {
        receiveEventTime = eventtime;
        decoder.feed(data, off, len);
    }

    /** Runs due timers (retransmit, sending) and returns the host time to be called again. */
    public synchronized double service(double eventtime) {
        if (retransmitTime <= eventtime) {
            retransmitTime = retransmit(eventtime);
        }
        if (commandTime <= eventtime) {
            commandTime = commandEvent(eventtime);
        }
        return Math.min(retransmitTime, commandTime);
    }

    private double bittime(int bytes) {
        return bittimeAdjust * bytes;
    }

    private long clockFromTime(double time) {
        return (long) ((time - convTime) * estFreq) + convClock;
    }

    private void handleBlock(byte[] buf, int off, int len, double eventtime) {
        long rseqDelta = ((buf[off + 1] & 0xff) - receiveSeq) & MessageBlock.SEQ_MASK;
        long rseq = receiveSeq + rseqDelta;
        if (rseq != receiveSeq) {
            if (rseq > sendSeq && receiveSeq != 1) {
                // an ack for a block never sent: stale or out of order
                bytesInvalid += len;
                return;
            }
            updateReceiveSeq(eventtime, rseq);
        }
        bytesRead += len;
        if (len == MessageBlock.MIN_SIZE) {
            if (lastAckSeq < rseq) {
                lastAckSeq = rseq;
            } else if (rseq > ignoreNakSeq && !sentQueue.isEmpty()) {
                // the same ack twice is a nak: retransmit at once
                retransmitTime = NOW;
            }
            return;
        }
        double sentTime = rseq > retransmitSeq ? lastReceiveSentTime : 0.0;
        listener.onData(buf, off, len, sentTime, eventtime - bittime(len));
    }

    private void updateReceiveSeq(double eventtime, long rseq) {
        long sentSeq = receiveSeq;
        for (;;) {
            SentBlock sent = sentQueue.peek();
            if (sent == null) {
                // an ack for nothing sent: the link is (re)starting
                sendSeq = rseq;
                lastReceiveSentTime = 0.0;
                break;
            }
            needAckBytes -= sent.len;
            blockPool.add(sentQueue.poll());
            sentSeq++;
            if (rseq == sentSeq) {
                lastReceiveSentTime = sent.receiveTime;
                lastAckBytes = sent.len;
                break;
            }
        }
        receiveSeq = rseq;
        commandTime = NOW;
        // the MCU took a block: the link works, so drop the timeout backoff. (Klipper keeps
        // it until a block sent after the last retransmit is acked without one; on a noisy
        // line that rarely happens, the rto climbs to its 5 s cap and the clock sync starves.)
        rto = baseRto;
        if (rttSampleSeq != 0 && rseq > rttSampleSeq && lastReceiveSentTime != 0.0) {
            updateRto(eventtime - lastReceiveSentTime);
            rttSampleSeq = 0;
        }
        SentBlock first = sentQueue.peek();
        retransmitTime = first == null ? NEVER : eventtime + rto + bittime(first.len);
    }

    /** RFC 6298, with a high first estimate as Klipper uses. */
    private void updateRto(double delta) {
        if (srtt == 0.0) {
            rttvar = delta / 2.0;
            srtt = delta * 10.0;
        } else {
            rttvar = (3.0 * rttvar + Math.abs(srtt - delta)) / 4.0;
            srtt = (7.0 * srtt + delta) / 8.0;
        }
        baseRto = Math.min(MAX_RTO, Math.max(MIN_RTO, srtt + Math.max(rttvar * 4.0, 0.001)));
        rto = baseRto;
    }

    private double retransmit(double eventtime) {
        int buflen = 0;
        int firstLen = 0;
        writeBuf[buflen++] = (byte) MessageBlock.SYNC;
        for (SentBlock b : sentQueue) {
            System.arraycopy(b.block, 0, writeBuf, buflen, b.len);
            buflen += b.len;
            if (firstLen == 0) {
                firstLen = b.len + 1;
            }
        }
        transport.write(writeBuf, 0, buflen);
        bytesRetransmit += buflen;
        if (retransmitTime != NOW) {
            // Klipper doubles up to MAX_RTO; a cap relative to the round-trip estimate keeps
            // a noisy line moving (at 5 % byte errors most rounds fail, and 5 s waits starve
            // the clock sync) while a dead line is still retried only every few rtos
            rto = Math.min(rto * 2.0, Math.min(MAX_RTO, Math.max(MIN_RTO, baseRto * MAX_BACKOFF)));
        }
        // Naks for where the MCU stands now are answered by this retransmit; a nak further
        // on (the MCU took some of it, then lost one again) retransmits at once. Klipper
        // ignores naks after a timeout until all is acked, so each later loss waits an rto:
        // on a noisy line that is one block per rto. The number of fast retransmits stays
        // bounded by the blocks the MCU accepts.
        ignoreNakSeq = receiveSeq;
        noisyUntil = eventtime + NOISY_HOLD;
        retransmitSeq = sendSeq;
        rttSampleSeq = 0;
        idleTime = eventtime + bittime(buflen);
        return eventtime + rto + bittime(firstLen);
    }

    private double commandEvent(double eventtime) {
        int buflen = 0;
        double waketime;
        for (;;) {
            waketime = checkSendCommand(buflen, eventtime);
            if (waketime != NOW || buflen + MessageBlock.MAX_SIZE > writeBuf.length) {
                if (buflen > 0) {
                    transport.write(writeBuf, 0, buflen);
                    bytesWrite += buflen;
                    idleTime = Math.max(eventtime, idleTime) + bittime(buflen);
                    buflen = 0;
                }
                if (waketime != NOW) {
                    break;
                }
            }
            buflen += buildAndSendBlock(buflen, eventtime);
        }
        return waketime;
    }

    private double checkSendCommand(int pending, double eventtime) {
        if (sendSeq - receiveSeq >= MAX_PENDING_BLOCKS) {
            return NEVER;
        }
        if (sendSeq > receiveSeq && receiveWindow > 0) {
            int need = needAckBytes + MessageBlock.MAX_SIZE;
            if (lastAckSeq < receiveSeq) {
                need += lastAckBytes;
            }
            if (need > receiveWindow) {
                return NEVER;
            }
        }
        double idletime = Math.max(eventtime, idleTime) + bittime(pending + MessageBlock.MIN_SIZE);
        long ackClock = clockFromTime(idletime);
        long minStalledClock = MAX_CLOCK;
        long minReadyClock = MAX_CLOCK;
        for (CommandQueue cq : pendingQueues) {
            while (!cq.upcoming.isEmpty()) {
                QueuedMessage qm = cq.upcoming.peek();
                if (ackClock < qm.minClock) {
                    minStalledClock = Math.min(minStalledClock, qm.minClock);
                    break;
                }
                cq.ready.add(cq.upcoming.poll());
                upcomingBytes -= qm.len;
                readyBytes += qm.len;
            }
            QueuedMessage head = cq.ready.peek();
            if (head != null) {
                long reqClock = head.reqClock;
                if (reqClock == BACKGROUND_PRIORITY_CLOCK) {
                    double bgtime = pending > 0 ? idletime : idleTime;
                    reqClock = clockFromTime(bgtime + MIN_REQTIME_DELTA + MIN_BACKGROUND_DELTA);
                }
                minReadyClock = Math.min(minReadyClock, reqClock);
            }
        }
        if (readyBytes >= MessageBlock.MAX_PAYLOAD) {
            return NOW;
        }
        if (estFreq == 0.0) {
            if (readyBytes > 0) {
                return NOW;
            }
            needKickClock = MAX_CLOCK;
            return NEVER;
        }
        long reqclockDelta = (long) (MIN_REQTIME_DELTA * estFreq);
        if (minReadyClock <= ackClock + reqclockDelta) {
            return NOW;
        }
        long wantClock = Math.min(minReadyClock - reqclockDelta, minStalledClock);
        needKickClock = wantClock;
        return idletime + (wantClock - ackClock) / estFreq;
    }

    private int buildAndSendBlock(int pos, double eventtime) {
        SentBlock out = blockPool.isEmpty() ? new SentBlock() : blockPool.poll();
        byte[] block = out.block;
        int len = MessageBlock.HEADER_SIZE;
        int limit = eventtime < noisyUntil ? MessageBlock.HEADER_SIZE + NOISY_BLOCK_CONTENT
                : MessageBlock.MAX_SIZE - MessageBlock.TRAILER_SIZE;
        while (readyBytes > 0) {
            // the most urgent message: lowest req clock at the head of a queue
            CommandQueue best = null;
            long minClock = MAX_CLOCK;
            for (CommandQueue q : pendingQueues) {
                QueuedMessage m = q.ready.peek();
                if (m != null && m.reqClock < minClock) {
                    minClock = m.reqClock;
                    best = q;
                }
            }
            if (best == null) {
                break;
            }
            QueuedMessage qm = best.ready.peek();
            if (len + qm.len > MessageBlock.MAX_SIZE - MessageBlock.TRAILER_SIZE
                    || (len + qm.len > limit && len > MessageBlock.HEADER_SIZE)) {
                break;
            }
            best.ready.poll();
            if (best.isEmpty()) {
                best.pending = false;
                pendingQueues.remove(best);
            }
            System.arraycopy(qm.msg, 0, block, len, qm.len);
            len += qm.len;
            readyBytes -= qm.len;
            messagePool.add(qm);
        }
        len = MessageBlock.frameInPlace(block, len - MessageBlock.HEADER_SIZE, sendSeq);
        System.arraycopy(block, 0, writeBuf, pos, len);
        double idletime = Math.max(eventtime, idleTime) + bittime(pos + len);
        out.len = len;
        out.sentTime = eventtime;
        out.receiveTime = idletime;
        if (sentQueue.isEmpty()) {
            retransmitTime = idletime + rto;
        }
        if (rttSampleSeq == 0) {
            rttSampleSeq = sendSeq;
        }
        sendSeq++;
        needAckBytes += len;
        sentQueue.add(out);
        return len;
    }

    public synchronized long sendSeq() {
        return sendSeq;
    }

    public synchronized long receiveSeq() {
        return receiveSeq;
    }

    public synchronized double rto() {
        return rto;
    }

    public synchronized double srtt() {
        return srtt;
    }

    public synchronized double rttvar() {
        return rttvar;
    }

    /** Blocks sent and not yet acknowledged. */
    public synchronized int inFlight() {
        return sentQueue.size();
    }

    /** The counters Klipper logs in its periodic {@code Stats} line. */
    public synchronized String stats() {
        return String.format(Locale.ROOT, "bytes_write=%d bytes_read=%d bytes_retransmit=%d bytes_invalid=%d"
                + " send_seq=%d receive_seq=%d retransmit_seq=%d srtt=%.3f rttvar=%.3f rto=%.3f"
                + " ready_bytes=%d upcoming_bytes=%d",
                bytesWrite & 0xffffffffL, bytesRead & 0xffffffffL, bytesRetransmit & 0xffffffffL,
                bytesInvalid & 0xffffffffL, sendSeq, receiveSeq, retransmitSeq, srtt, rttvar, rto,
                readyBytes, upcomingBytes);
    }
}
