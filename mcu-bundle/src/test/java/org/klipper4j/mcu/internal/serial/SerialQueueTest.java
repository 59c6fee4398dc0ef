/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.mcu.protocol.MessageBlock;

/** Klipper's serial queue semantics against an in-memory MCU; time is driven by the test. */
class SerialQueueTest {
    private static final double EPS = 1e-9;

    private final FakeMcu mcu = new FakeMcu(1);
    private final List<byte[]> data = new ArrayList<>();
    private final SerialQueue host = new SerialQueue(mcu,
            (b, off, len, sent, recv) -> data.add(Arrays.copyOfRange(b, off, off + len)));
    private final CommandQueue queue = host.allocCommandQueue();

    private static byte[] msg(int tag, int len) {
        byte[] m = new byte[len];
        m[0] = (byte) tag;
        return m;
    }

    private void send(CommandQueue q, byte[] m, long minClock, long reqClock) {
        host.send(q, m, 0, m.length, minClock, reqClock);
    }

    @Test
    void sendsAcknowledgedBlocksAndMeasuresRoundTrip() {
        send(queue, msg(1, 3), 0, 0);
        send(queue, msg(2, 4), 0, 0);
        // one block goes out; the retransmit timer is set one (initial) rto later
        // (host time 0 means "unknown" to the rtt logic, as in Klipper, so start at 1)
        assertEquals(1.025, host.service(1.0), EPS);
        assertEquals(1, mcu.acceptedContent.size());
        assertArrayEquals(new byte[] {1, 0, 0, 2, 0, 0, 0}, mcu.acceptedContent.get(0));
        assertEquals(1, host.inFlight());

        mcu.deliver(host, 1.010);
        assertEquals(0, host.inFlight());
        // first sample: srtt = 10 * rtt, rttvar = rtt / 2, rto = srtt + 4 * rttvar
        assertEquals(0.100, host.srtt(), EPS);
        assertEquals(0.005, host.rttvar(), EPS);
        assertEquals(0.120, host.rto(), EPS);
        assertEquals(SerialQueue.NEVER, host.service(1.010));
        assertEquals("bytes_write=12 bytes_read=5 bytes_retransmit=0 bytes_invalid=0 send_seq=2 receive_seq=2"
                + " retransmit_seq=0 srtt=0.100 rttvar=0.005 rto=0.120 ready_bytes=0 upcoming_bytes=0", host.stats());

        // second sample: rttvar = (3 rttvar + |srtt - rtt|) / 4, srtt = (7 srtt + rtt) / 8
        send(queue, msg(3, 1), 0, 0);
        host.service(2.0);
        mcu.deliver(host, 2.02);
        assertEquals((3 * 0.005 + Math.abs(0.1 - 0.02)) / 4, host.rttvar(), EPS);
        assertEquals((7 * 0.1 + 0.02) / 8, host.srtt(), EPS);
    }

    @Test
    void atMostTwelveBlocksAreInFlight() {
        mcu.holdAcks = true;
        for (int i = 0; i < 20; i++) {
            send(queue, msg(i, 59), 0, 0);
        }
        host.service(0.0);
        assertEquals(12, mcu.acceptedContent.size());
        assertEquals(12, host.inFlight());
        mcu.releaseAcks();
        mcu.deliver(host, 0.01);
        assertEquals(0, host.inFlight());
        host.service(0.01);
        assertEquals(20, mcu.acceptedContent.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(i, mcu.acceptedContent.get(i)[0]);
        }
    }

    @Test
    void receiveWindowLimitsBytesInFlight() {
        host.setReceiveWindow(192);
        mcu.holdAcks = true;
        for (int i = 0; i < 10; i++) {
            send(queue, msg(i, 59), 0, 0);
        }
        host.service(0.0);
        assertEquals(3, host.inFlight()); // 3 * 64 bytes fill the 192 byte window
    }

    @Test
    void retransmitsAfterTimeoutAndBacksOff() {
        mcu.dropNext = 1;
        send(queue, msg(7, 10), 0, 0);
        double wake = host.service(0.0);
        assertEquals(0.025, wake, EPS);
        assertEquals(0, mcu.acceptedContent.size());
        mcu.deliver(host, 0.01);
        assertEquals(0.025, host.service(0.02), EPS); // not due yet
        assertEquals(0.025 + 0.05, host.service(wake), EPS);
        assertEquals(0.05, host.rto(), EPS);
        assertEquals(1, mcu.acceptedContent.size());
        assertEquals(1, mcu.blocksSeen.size() - 1);
        mcu.deliver(host, 0.03);
        assertEquals(0, host.inFlight());
        assertTrue(host.stats().contains("bytes_retransmit=16 "), host.stats()); // sync byte + 15-byte block
        assertTrue(host.stats().contains("retransmit_seq=2 "), host.stats());
    }

    @Test
    void anAckAfterRetransmitsEndsTheBackoff() {
        mcu.dropNext = 3; // the block and its first two retransmits are lost
        send(queue, msg(7, 10), 0, 0);
        double wake = host.service(0.0);
        wake = host.service(wake);
        wake = host.service(wake);
        assertEquals(0.1, host.rto(), EPS);
        host.service(wake); // the third retransmit gets through
        assertEquals(1, mcu.acceptedContent.size());
        assertEquals(0.2, host.rto(), EPS);
        mcu.deliver(host, wake + 0.001);
        assertEquals(0, host.inFlight());
        // no round-trip sample (every ack followed a retransmit), but the link works again
        assertEquals(0.025, host.rto(), EPS);
    }

    @Test
    void timeoutsDoubleTheRtoOnlyUpToEightTimesTheEstimate() {
        mcu.dropNext = 100; // a dead line
        send(queue, msg(7, 10), 0, 0);
        double wake = host.service(0.0);
        for (int i = 0; i < 8; i++) {
            wake = host.service(wake);
        }
        // Klipper would be at 5 s by now; here 8 x the 25 ms estimate
        assertEquals(0.2, host.rto(), EPS);
        assertEquals(0, mcu.acceptedContent.size());
    }

    @Test
    void aNakAfterProgressRetransmitsAtOnceEvenAfterATimeout() {
        // all three blocks lost; in the timeout retransmit the first gets through, the second not
        mcu.losses.addAll(List.of(true, true, true, false, true, false));
        send(queue, msg(1, 59), 0, 0);
        send(queue, msg(2, 59), 0, 0);
        send(queue, msg(3, 59), 0, 0);
        double wake = host.service(0.0);
        assertEquals(0.025, wake, EPS);
        host.service(wake);
        assertEquals(1, mcu.acceptedContent.size());
        // the MCU acks the first and naks the third: it lost the second again, retransmit now
        mcu.deliver(host, 0.026);
        host.service(0.026);
        assertEquals(3, mcu.acceptedContent.size());
        assertEquals(2, mcu.acceptedContent.get(1)[0]);
        assertEquals(3, mcu.acceptedContent.get(2)[0]);
    }

    @Test
    void blocksStayShortForAWhileAfterARetransmit() {
        mcu.dropNext = 1;
        send(queue, msg(1, 10), 0, 0);
        double wake = host.service(0.0);
        host.service(wake); // the retransmit gets through
        mcu.deliver(host, 0.03);
        for (int i = 2; i <= 4; i++) {
            send(queue, msg(i, 10), 0, 0);
        }
        host.service(0.04);
        // each 10-byte message in its own block: two would exceed 16 content bytes
        assertEquals(List.of(10, 10, 10, 10), mcu.acceptedContent.stream().map(c -> c.length).toList());
        mcu.deliver(host, 0.05);
        for (int i = 5; i <= 7; i++) {
            send(queue, msg(i, 10), 0, 0);
        }
        host.service(0.03 + SerialQueue.NOISY_HOLD + 0.1);
        assertEquals(30, mcu.acceptedContent.get(4).length, "a quiet line fills blocks again");
    }

    @Test
    void nakCausesAnImmediateRetransmit() {
        mcu.dropNext = 0;
        send(queue, msg(1, 59), 0, 0);
        host.service(0.0);
        mcu.dropNext = 1;
        send(queue, msg(2, 59), 0, 0);
        send(queue, msg(3, 59), 0, 0);
        host.service(0.001);
        // block 1 accepted; block 2 lost; block 3 out of order -> nak
        assertEquals(1, mcu.acceptedContent.size());
        mcu.deliver(host, 0.002);
        assertEquals(2, host.inFlight());
        host.service(0.002); // due now, long before the rto
        assertEquals(3, mcu.acceptedContent.size());
        assertEquals(2, mcu.acceptedContent.get(1)[0]);
        assertEquals(3, mcu.acceptedContent.get(2)[0]);
        mcu.deliver(host, 0.003);
        assertEquals(0, host.inFlight());
    }

    @Test
    void messagesWaitForTheirReqClock() {
        host.setClockEstimate(1000.0, 0.0, 0);
        send(queue, msg(1, 5), 0, 5000);
        // sent MIN_REQTIME_DELTA (0.25 s = 250 ticks) before it is needed
        assertEquals(4.75, host.service(0.0), EPS);
        assertEquals(0, mcu.acceptedContent.size());
        host.service(4.75);
        assertEquals(1, mcu.acceptedContent.size());
    }

    @Test
    void messagesAreNotSentBeforeTheirMinClock() {
        host.setClockEstimate(1000.0, 0.0, 0);
        send(queue, msg(1, 5), 10000, 10000);
        assertEquals(10.0, host.service(0.0), EPS);
        host.service(9.9);
        assertEquals(0, mcu.acceptedContent.size());
        host.service(10.0);
        assertEquals(1, mcu.acceptedContent.size());
    }

    @Test
    void theMostUrgentQueueGoesFirstAndEachQueueKeepsItsOrder() {
        host.setClockEstimate(1000.0, 0.0, 0);
        CommandQueue other = host.allocCommandQueue();
        send(queue, msg(1, 3), 0, 500);
        send(queue, msg(2, 3), 0, 100);
        send(other, msg(3, 3), 0, 300);
        host.service(1.0);
        assertEquals(1, mcu.acceptedContent.size());
        byte[] c = mcu.acceptedContent.get(0);
        // queue heads: 500 vs 300 -> other first; then queue in its own order
        assertEquals(3, c[0]);
        assertEquals(1, c[3]);
        assertEquals(2, c[6]);
    }

    @Test
    void adoptsTheMcuSequenceAtConnect() {
        FakeMcu fresh = new FakeMcu(0); // the firmware expects sequence 0 after reset
        SerialQueue link = new SerialQueue(fresh, (b, off, len, s, r) -> { });
        CommandQueue q = link.allocCommandQueue();
        link.send(q, msg(1, 2), 0, 2, 0, 0);
        link.service(0.0);
        assertEquals(0, fresh.acceptedContent.size());
        fresh.deliver(link, 0.01); // nak with sequence 0
        assertEquals(16, link.sendSeq());
        link.send(q, msg(2, 2), 0, 2, 0, 0);
        link.service(0.02);
        assertEquals(1, fresh.acceptedContent.size());
        assertEquals(MessageBlock.DEST, fresh.blocksSeen.get(1)[1]);
    }

    @Test
    void dataBlocksReachTheListenerAndGarbageIsCounted() {
        send(queue, msg(1, 2), 0, 0);
        host.service(0.0);
        mcu.reply(new byte[] {0x55, 0x01});
        byte[] garbage = {0x01, 0x02, 0x7e};
        host.receive(garbage, 0, garbage.length, 0.005);
        mcu.deliver(host, 0.01);
        assertEquals(1, data.size());
        assertEquals(0x55, data.get(0)[2]);
        assertEquals(0, host.inFlight()); // the data block carried the ack
        assertTrue(host.stats().contains("bytes_invalid=3 "), host.stats());
    }
}
